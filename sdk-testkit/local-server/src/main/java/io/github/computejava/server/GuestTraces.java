package io.github.computejava.server;

import com.dylibso.chicory.runtime.Memory;
import io.github.computejava.abi.StackTraceText;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java stack traces for a program instance: the call site ids a TeaVM-built program prints for an uncaught
 * exception (lines starting {@link StackTraceText#CALL_SITE}) become {@code \tat CLASS.METHOD(FILE:LINE)} lines, and
 * after a trap the program's shadow stack is read from its memory, both through the build's {@link FrameMap}.
 * Without a map the lines pass through unchanged. One per instance, used from its thread.
 */
final class GuestTraces {
    /** Frames printed at most for one trace, as a JVM bounds a stack overflow's. */
    static final int MAX_FRAMES = 1024;

    private final FrameMap map;
    private final Consumer<String> stderr;
    private final List<Integer> pending = new ArrayList<>();

    /**
     * @param map the program's frame map, or null when it has none
     * @param stderr where the program's standard error lines go
     */
    GuestTraces(FrameMap map, Consumer<String> stderr) {
        this.map = map;
        this.stderr = stderr;
    }

    /** A line the program wrote to its standard error. */
    void stderrLine(String line) {
        if (map != null && line.startsWith(StackTraceText.CALL_SITE)) {
            try {
                pending.add(Integer.parseInt(line.substring(StackTraceText.CALL_SITE.length())));
                return;
            } catch (NumberFormatException e) {
                // not one of ours: print it as it is
            }
        }
        flush();
        stderr.accept(line);
    }

    /** Prints the frames of a trace the program has finished writing (at its next line, hostcall or exit). */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Integer> ids = new ArrayList<>(pending);
        pending.clear();
        for (StackTraceElement frame : StackTraceText.programFrames(map.frames(ids))) {
            stderr.accept(StackTraceText.line(frame));
        }
    }

    /**
     * The Java frames live when the program trapped, read from its shadow stack, innermost first: each frame's call
     * site is the call it was making (a method that calls nothing has no frame of its own, so the innermost line is
     * its caller's call to it). Empty without a map or when the stack cannot be read.
     *
     * @param memory the instance's memory after the trap
     * @return the lines to print, and whether an exception was being thrown when the program stopped
     */
    Trap trap(Memory memory) {
        if (map == null || memory == null) {
            return new Trap(List.of(), false);
        }
        List<Integer> ids = new ArrayList<>();
        boolean throwing;
        try {
            long limit = (long) memory.pages() * Memory.PAGE_SIZE;
            int base = memory.readInt(map.stackBase());
            int frame = memory.readInt(map.stackTop());
            throwing = map.pendingException() != 0 && memory.readInt(map.pendingException()) != 0;
            while (frame != base && ids.size() < MAX_FRAMES + 1) {
                if (frame < base || frame + 4L > limit) {
                    break;
                }
                int size = memory.readInt(frame);
                long site = (long) frame - (long) size * 4 - 4;
                long next = (long) frame - ((long) size + 2) * 4;
                if (size < 0 || site < base || next < base) {
                    break;
                }
                int id = memory.readInt((int) site);
                if (id >= 0) {
                    ids.add(id);
                }
                frame = (int) next;
            }
        } catch (RuntimeException e) {
            // a shadow stack that does not read right: print what was read
            throwing = false;
        }
        List<String> lines = new ArrayList<>();
        List<StackTraceElement> frames = StackTraceText.programFrames(map.frames(ids));
        int shown = Math.min(frames.size(), MAX_FRAMES);
        for (int i = 0; i < shown; i++) {
            lines.add(StackTraceText.line(frames.get(i)));
        }
        if (frames.size() > shown) {
            lines.add("\t... " + (frames.size() - shown) + " more");
        }
        return new Trap(lines, throwing);
    }

    /**
     * Rewrites a log a program wrote elsewhere (Fastly's log tail, say): each run of call site lines becomes the
     * Java frames, each frame line keeping the text that stood before the first call site line's {@code at} (a
     * log's own prefix and the tab).
     *
     * @param map the program's frame map
     * @param in the log
     * @param out where the rewritten lines go
     * @throws IOException if the log cannot be read
     */
    static void translate(FrameMap map, BufferedReader in, Consumer<String> out) throws IOException {
        Pattern marker =
                Pattern.compile("^(.*?)" + Pattern.quote(StackTraceText.CALL_SITE.substring(1)) + "(\\d+)\\s*$");
        List<Integer> ids = new ArrayList<>();
        String prefix = "";
        for (String line = in.readLine(); ; line = in.readLine()) {
            Matcher m = line == null ? null : marker.matcher(line);
            if (m != null && m.matches()) {
                try {
                    int id = Integer.parseInt(m.group(2));
                    if (ids.isEmpty()) {
                        prefix = m.group(1);
                    }
                    ids.add(id);
                    continue;
                } catch (NumberFormatException e) {
                    // too long for an id: not one of ours
                }
            }
            if (!ids.isEmpty()) {
                for (StackTraceElement frame : StackTraceText.programFrames(map.frames(ids))) {
                    out.accept(prefix + StackTraceText.line(frame).substring(1));
                }
                ids.clear();
            }
            if (line == null) {
                return;
            }
            out.accept(line);
        }
    }

    /** What a trap left on the shadow stack. */
    static final class Trap {
        final List<String> lines;
        final boolean throwing;

        Trap(List<String> lines, boolean throwing) {
            this.lines = List.copyOf(lines);
            this.throwing = throwing;
        }
    }
}
