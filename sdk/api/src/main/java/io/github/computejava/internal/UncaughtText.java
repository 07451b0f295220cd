package io.github.computejava.internal;

import io.github.computejava.abi.StackTraceText;
import java.util.Arrays;
import org.teavm.interop.PlatformMarker;

/** The text the serve loop prints for an exception the handler did not catch (see {@link StackTraceText}). */
public final class UncaughtText {
    private static final int MAX_CAUSES = 16;

    private UncaughtText() {}

    /**
     * The text for an exception the handler did not catch, each line ending in a newline.
     *
     * @param t the exception
     * @return the text
     */
    public static String of(Throwable t) {
        StringBuilder text = new StringBuilder("Uncaught ");
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++) {
            if (depth > 0) {
                text.append("Caused by: ");
            }
            String message = t.getMessage();
            text.append(t.getClass().getName());
            if (message != null) {
                text.append(": ").append(message);
            }
            text.append('\n');
            if (inWasm()) {
                // TeaVM's frames carry call site ids in place of line numbers
                for (StackTraceElement frame : t.getStackTrace()) {
                    text.append(StackTraceText.CALL_SITE)
                            .append(frame.getLineNumber())
                            .append('\n');
                }
            } else {
                for (StackTraceElement frame : StackTraceText.programFrames(Arrays.asList(t.getStackTrace()))) {
                    text.append(StackTraceText.line(frame)).append('\n');
                }
            }
            t = t.getCause();
        }
        return text.toString();
    }

    /** TeaVM replaces this call with {@code true}, so the JVM's branch is left out of {@code main.wasm}. */
    @PlatformMarker
    private static boolean inWasm() {
        return false;
    }
}
