package io.github.computejava.abi;

import java.util.List;

/**
 * How a program's uncaught exception reads, the same through both doors, and the line by which {@code main.wasm}
 * tells the local server of a frame: {@code Uncaught CLASS: MESSAGE}, one {@code \tat CLASS.METHOD(FILE:LINE)} line
 * per frame of the program, {@code Caused by: ...} blocks for its causes. The frames end at the program's own
 * {@code main}: those of the serve loop's caller's callers (the testkit, or TeaVM's start code) are left out.
 *
 * <p>Inside {@code main.wasm} a frame is known only by its call site id: the program prints {@link #CALL_SITE}
 * followed by the id, and the local server, which has the build's frame map, prints the frames in its place. The
 * SDK writes the text ({@code UncaughtText}); this class holds what both sides must agree on.
 */
public final class StackTraceText {
    /** The start of the line {@code main.wasm} prints for a frame: the call site id follows. */
    public static final String CALL_SITE = "\tat main.wasm call site ";

    private static final String SERVE_LOOP = "io.github.computejava.fsthttp.Compute";

    private StackTraceText() {}

    /**
     * The frames that belong to the program: all of them, up to the caller of the SDK's serve loop ({@code main})
     * when the trace passes through it.
     *
     * @param frames a trace, innermost frame first
     * @return the program's part of it
     */
    public static List<StackTraceElement> programFrames(List<StackTraceElement> frames) {
        int loop = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).getClassName().equals(SERVE_LOOP)) {
                loop = i;
                break;
            }
        }
        if (loop < 0) {
            return frames;
        }
        while (loop + 1 < frames.size() && frames.get(loop + 1).getClassName().equals(SERVE_LOOP)) {
            loop++;
        }
        return frames.subList(0, Math.min(frames.size(), loop + 2));
    }

    /**
     * One frame's line: {@code \tat CLASS.METHOD(FILE:LINE)}, as a JVM prints it.
     *
     * @param frame the frame
     * @return the line, without a newline
     */
    public static String line(StackTraceElement frame) {
        StringBuilder line = new StringBuilder("\tat ");
        line.append(frame.getClassName())
                .append('.')
                .append(frame.getMethodName())
                .append('(');
        if (frame.getFileName() == null) {
            line.append("Unknown Source");
        } else {
            line.append(frame.getFileName());
            if (frame.getLineNumber() >= 0) {
                line.append(':').append(frame.getLineNumber());
            }
        }
        return line.append(')').toString();
    }
}
