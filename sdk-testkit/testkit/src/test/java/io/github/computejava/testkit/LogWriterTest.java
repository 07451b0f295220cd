package io.github.computejava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.computejava.log.LogEndpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code LogEndpoint.writer()}: one log line per newline or flush, in UTF-8, on the JVM door. */
@ComputeTest
class LogWriterTest {
    @Test
    void eachNewlineEndsALineAndFlushLogsThePartialOne(TestHost host) {
        host.handler((request, response) -> {
            Writer out = LogEndpoint.open("app").writer();
            out.write("first\nsec");
            out.write("ond\r\n\nthird");
            out.flush();
            out.flush(); // nothing left: no empty line
            out.write("fourth");
            out.close();
            out.close();
            response.write("ok");
        });

        host.get("/").send().assertThat().threwNothing().hasBody("ok");

        assertEquals(List.of("first", "second", "", "third", "fourth"), host.logs("app"));
    }

    @Test
    void linesAreUtf8AndSplitCharsJoinAcrossWrites(TestHost host) {
        host.handler((request, response) -> {
            Writer out = LogEndpoint.open("app").writer();
            String smile = "\uD83D\uDE00";
            out.write("caf\u00e9 \u20ac " + smile.charAt(0));
            out.write(smile.charAt(1));
            out.write('\n');
            out.close();
        });

        host.get("/").send().assertThat().threwNothing();

        assertEquals(List.of("caf\u00e9 \u20ac \uD83D\uDE00"), host.logs("app"));
    }

    @Test
    void aPrintWriterLogsOneLinePerPrintln(TestHost host) {
        host.handler((request, response) -> {
            PrintWriter out = new PrintWriter(LogEndpoint.open("app").writer());
            out.println("GET " + request.path());
            out.printf("%d items%n", 3);
            out.print("no newline yet");
            out.flush();
        });

        host.get("/items").send().assertThat().threwNothing();

        assertEquals(List.of("GET /items", "3 items", "no newline yet"), host.logs("app"));
    }

    @Test
    void writingAfterCloseFails(TestHost host) {
        host.handler((request, response) -> {
            Writer out = LogEndpoint.open("app").writer();
            out.write("kept");
            out.close();
            IOException e = assertThrows(IOException.class, () -> out.write("lost\n"));
            response.write(e.getMessage());
            assertThrows(IOException.class, out::flush);
        });

        host.get("/").send().assertThat().threwNothing().hasBody("the log writer of app is closed");

        assertEquals(List.of("kept"), host.logs("app"));
    }
}
