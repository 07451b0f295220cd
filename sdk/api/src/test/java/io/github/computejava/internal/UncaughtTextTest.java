package io.github.computejava.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computejava.abi.StackTraceText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text of an uncaught exception: the program's frames down to its main, then each cause. */
class UncaughtTextTest {
    private static StackTraceElement at(String cls, String method, String file, int line) {
        return new StackTraceElement(cls, method, file, line);
    }

    @Test
    void framesEndAtTheCallerOfTheServeLoop() {
        List<StackTraceElement> frames = List.of(
                at("com.example.Main", "handle", "Main.java", 20),
                at("io.github.computejava.fsthttp.Compute", "serveOne", "Compute.java", 127),
                at("io.github.computejava.fsthttp.Compute", "serve", "Compute.java", 49),
                at("com.example.Main", "main", "Main.java", 12),
                at("io.github.computejava.testkit.TestHost", "execute", "TestHost.java", 570));

        assertEquals(frames.subList(0, 4), StackTraceText.programFrames(frames));
        assertEquals(frames.subList(4, 5), StackTraceText.programFrames(frames.subList(4, 5)));
    }

    @Test
    void aFrameReadsAsAJvmPrintsIt() {
        assertEquals("\tat a.B.c(B.java:3)", StackTraceText.line(at("a.B", "c", "B.java", 3)));
        assertEquals("\tat a.B.c(B.java)", StackTraceText.line(at("a.B", "c", "B.java", -1)));
        assertEquals("\tat a.B.c(Unknown Source)", StackTraceText.line(at("a.B", "c", null, -1)));
    }

    @Test
    void causesFollowWithTheirOwnFrames() {
        IllegalStateException cause = new IllegalStateException("inner");
        cause.setStackTrace(new StackTraceElement[] {at("a.B", "inner", "B.java", 9)});
        RuntimeException outer = new RuntimeException("outer", cause);
        outer.setStackTrace(new StackTraceElement[] {at("a.B", "outer", "B.java", 4)});

        assertEquals(
                "Uncaught java.lang.RuntimeException: outer\n\tat a.B.outer(B.java:4)\n"
                        + "Caused by: java.lang.IllegalStateException: inner\n\tat a.B.inner(B.java:9)\n",
                UncaughtText.of(outer));
    }

    @Test
    void anExceptionWithoutMessageNamesOnlyItsClass() {
        NullPointerException npe = new NullPointerException();
        npe.setStackTrace(new StackTraceElement[0]);

        assertEquals("Uncaught java.lang.NullPointerException\n", UncaughtText.of(npe));
    }
}
