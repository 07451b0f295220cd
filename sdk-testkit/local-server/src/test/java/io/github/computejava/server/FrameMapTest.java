package io.github.computejava.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.abi.StackTraceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The frame map: written and read back, call site ids expanded into Java frames, and the stderr lines rewritten. */
class FrameMapTest {
    private static final byte[] MODULE = "\0asm-module".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private static FrameMap map() {
        List<FrameMap.Method> methods = List.of(
                new FrameMap.Method("java.lang.Throwable", "<init>", "TThrowable.java", true),
                new FrameMap.Method("com.example.Main", "third", "Main.java", false),
                new FrameMap.Method("com.example.Main", "second", "Main.java", false),
                new FrameMap.Method("com.example.Gen", "run", null, false),
                new FrameMap.Method("io.github.computejava.fsthttp.Compute", "serve", "Compute.java", false),
                new FrameMap.Method("com.example.Main", "main", "Main.java", false));
        List<int[]> sites = List.of(
                new int[] {0, 50}, // 0: inside the throwable's constructor
                new int[] {1, 30, 2, 26}, // 1: third inlined into second
                new int[] {3, -1}, // 2: generated code, no source
                new int[] {4, 49}, // 3
                new int[] {5, 12}); // 4
        return new FrameMap(FrameMap.sha256(MODULE), methods, sites, 100, 104, 108);
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        Path file = FrameMap.beside(dir.resolve("main.wasm"));
        map().write(file);

        FrameMap read = FrameMap.read(file);

        assertEquals(dir.resolve("main.wasm.frames.json"), file);
        assertEquals(
                "rw-r--r--",
                java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(read.matches(MODULE));
        assertFalse(read.matches("\0asm-other".getBytes(StandardCharsets.UTF_8)));
        assertEquals(5, read.callSiteCount());
        assertEquals(map().frames(List.of(0, 1, 2, 3, 4)), read.frames(List.of(0, 1, 2, 3, 4)));
    }

    @Test
    void expandsInlinedCallsAndLeavesOutTheThrowablesConstructionAndGeneratedCode() {
        List<StackTraceElement> frames = map().frames(List.of(0, 1, 2, 4, 99));

        assertEquals(
                List.of(
                        new StackTraceElement("com.example.Main", "third", "Main.java", 30),
                        new StackTraceElement("com.example.Main", "second", "Main.java", 26),
                        new StackTraceElement("com.example.Main", "main", "Main.java", 12),
                        new StackTraceElement("main.wasm", "callSite", null, 99)),
                frames);
    }

    @Test
    void aFileThatIsNoFrameMapIsRefused() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"format\": 1}");
        assertThrows(IllegalArgumentException.class, () -> FrameMap.read(file));
        Files.writeString(file, "{\"format\": 99}");
        assertThrows(IllegalArgumentException.class, () -> FrameMap.read(file));
    }

    @Test
    void callSiteLinesOnStderrBecomeJavaFramesAndOtherLinesPassThrough() {
        List<String> out = new ArrayList<>();
        GuestTraces traces = new GuestTraces(map(), out::add);

        traces.stderrLine("Uncaught java.lang.IllegalStateException: boom");
        for (int id : new int[] {0, 1, 3, 4}) {
            traces.stderrLine(StackTraceText.CALL_SITE + id);
        }
        traces.stderrLine("next line");
        traces.stderrLine(StackTraceText.CALL_SITE + "x");

        assertEquals(
                List.of(
                        "Uncaught java.lang.IllegalStateException: boom",
                        "\tat com.example.Main.third(Main.java:30)",
                        "\tat com.example.Main.second(Main.java:26)",
                        "\tat io.github.computejava.fsthttp.Compute.serve(Compute.java:49)",
                        "\tat com.example.Main.main(Main.java:12)",
                        "next line",
                        StackTraceText.CALL_SITE + "x"),
                out);
    }

    @Test
    void withoutAMapTheLinesPassThroughUnchanged() {
        List<String> out = new ArrayList<>();
        GuestTraces traces = new GuestTraces(null, out::add);

        traces.stderrLine(StackTraceText.CALL_SITE + 1);
        traces.flush();

        assertEquals(List.of(StackTraceText.CALL_SITE + 1), out);
    }
}
