package io.github.computejava.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import io.github.computejava.abi.StackTraceText;
import io.github.computejava.plugin.fixtures.ThrowingProgram;
import io.github.computejava.server.FrameMap;
import io.github.computejava.server.LocalServer;
import io.github.computejava.server.ServeCommand;
import io.github.computejava.server.WasmProgram;
import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.wasm.LocalServerDoor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program that throws three calls deep prints the same Java stack trace through both doors: on the JVM from the
 * throwable's own frames, from {@code main.wasm} through the frame map the build writes beside it (the module itself
 * carries no names). A trap prints the Java frames live on the program's shadow stack.
 */
class StackTraceWasmBuildTest {
    private static final String FIXTURE = "src/test/java/io/github/computejava/plugin/fixtures/ThrowingProgram.java";
    private static final String CLASS = ThrowingProgram.class.getName();

    @TempDir
    static Path dir;

    static WasmBuild.Result build;

    @BeforeAll
    static void build() throws IOException {
        build = FixtureBuilds.wasmBuild(CLASS, dir.resolve("bin/main.wasm"), dir.resolve("work"))
                .run();
    }

    @Test
    void theFrameMapIsWrittenBesideMainWasmWhichCarriesNoNames() throws IOException {
        Path map = build.frameMap().orElseThrow();
        assertEquals(FrameMap.beside(build.wasm()), map);
        assertEquals("main.wasm.frames.json", map.getFileName().toString());
        byte[] wasm = Files.readAllBytes(build.wasm());
        assertTrue(FrameMap.read(map).matches(wasm), "the map names the module it was written for");
        assertEquals(List.of(), Parser.parse(wasm).customSections(), "no name or debug sections in main.wasm");
    }

    @Test
    void anUncaughtExceptionPrintsItsThreeFramesWithFileAndLineThroughBothDoors() throws Exception {
        List<String> expected = List.of(
                "Uncaught java.lang.IllegalStateException: three calls deep",
                frame("third"),
                frame("second"),
                frame("first"),
                frame("handle"));

        List<String> jvm = stderrOf(() -> {
            try (TestHost host = TestHost.builder().build()) {
                host.program(ThrowingProgram::main);
                host.get("/throw").send().assertThat().hasStatus(500).threw(IllegalStateException.class);
            }
        });
        List<String> wasm = stderrOf(() -> {
            try (TestHost host = TestHost.builder().localServer(build.wasm()).build()) {
                host.get("/throw").send().assertThat().hasStatus(500);
            }
        });

        assertEquals(expected, trace(jvm).subList(0, expected.size()), "JVM door:\n" + String.join("\n", jvm));
        assertEquals(expected, trace(wasm).subList(0, expected.size()), "Wasm door:\n" + String.join("\n", wasm));
        assertEquals(trace(jvm), trace(wasm), "both doors print the same trace, down to the program's main");
        assertEquals(frame("main"), last(trace(wasm)));
    }

    @Test
    void aTrapPrintsTheJavaFramesLiveOnTheShadowStack() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (LocalServer server = LocalServer.builder()
                .program(WasmProgram.load(build.wasm(), WasmProgram.Execution.COMPILED))
                .address(new InetSocketAddress("127.0.0.1", 0))
                .output(new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true))
                .build()) {
            server.start();
            assertEquals(500, get(server.uri().resolve("/trap")).statusCode());
        }
        List<String> lines = lines(err);
        int failed = indexOf(lines, "failed: the program failed: out of bounds memory access");
        List<String> trace = lines.subList(failed + 1, lines.size());
        // the trapping read was inlined into handle, whose last call was on the line before
        assertTrue(trace.get(0).startsWith("\tat " + CLASS + ".handle(ThrowingProgram.java:"), lines.toString());
        assertEquals(frame("main"), last(trace), lines.toString());
    }

    @Test
    void aMapWrittenForAnotherBuildIsRefusedAndTheCallSitesPrintAsTheyAre() throws Exception {
        Path other = dir.resolve("other/bin/main.wasm");
        Files.createDirectories(other.getParent());
        Files.copy(build.wasm(), other);
        String json = Files.readString(build.frameMap().orElseThrow());
        Files.writeString(
                FrameMap.beside(other), json.replaceFirst("\"moduleSha256\":\"[0-9a-f]+\"", "\"moduleSha256\":\"00\""));

        WasmProgram program = WasmProgram.load(other, WasmProgram.Execution.COMPILED);

        assertFalse(program.hasFrameMap());
        assertTrue(program.frameMapProblem().orElseThrow().contains("another build"), program.frameMapProblem()::get);
        List<String> printed = stderrOf(() -> {
            try (TestHost host =
                    TestHost.builder().localServer(LocalServerDoor.of(program)).build()) {
                host.get("/throw").send().assertThat().hasStatus(500);
            }
        });
        List<String> trace = trace(printed);
        assertTrue(trace.size() > 1 && trace.get(1).startsWith(StackTraceText.CALL_SITE), printed.toString());
    }

    @Test
    void aLogFromWhereNoMapIsAtHandIsRewrittenWithTheFramesAfterwards() throws Exception {
        // as on Fastly: the program prints call site ids, and the log tail puts its own prefix before each line
        WasmProgram unmapped = WasmProgram.load(build.wasm(), null, WasmProgram.Execution.COMPILED, null);
        List<String> raw = stderrOf(() -> {
            try (TestHost host =
                    TestHost.builder().localServer(LocalServerDoor.of(unmapped)).build()) {
                host.get("/throw").send().assertThat().hasStatus(500);
            }
        });
        String log = trace(raw).stream().map(l -> "stderr | 0a1b | " + l + "\n").collect(Collectors.joining());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ServeCommand.run(
                new String[] {"trace", build.wasm().toString()},
                new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals(
                List.of(
                        "stderr | 0a1b | Uncaught java.lang.IllegalStateException: three calls deep",
                        "stderr | 0a1b | " + frame("third"),
                        "stderr | 0a1b | " + frame("second"),
                        "stderr | 0a1b | " + frame("first"),
                        "stderr | 0a1b | " + frame("handle")),
                lines(out).subList(0, 5));
        assertEquals("stderr | 0a1b | " + frame("main"), last(lines(out)));
    }

    /** The line the trace has for the fixture's line marked {@code // frame: NAME}. */
    private static String frame(String method) throws IOException {
        List<String> source = Files.readAllLines(Path.of(FIXTURE));
        for (int i = 0; i < source.size(); i++) {
            String line = source.get(i);
            if (line.endsWith("// frame: " + method) || (method.equals("main") && line.contains("Compute.serve("))) {
                return "\tat " + CLASS + "." + method + "(ThrowingProgram.java:" + (i + 1) + ")";
            }
        }
        throw new AssertionError("no line marked for " + method + " in " + FIXTURE);
    }

    /** The uncaught exception's lines: from {@code Uncaught} to the last frame. */
    private static List<String> trace(List<String> lines) {
        int start = indexOf(lines, "Uncaught ");
        int end = start + 1;
        while (end < lines.size() && lines.get(end).startsWith("\tat ")) {
            end++;
        }
        return lines.subList(start, end);
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no line with \"" + part + "\" in:\n" + String.join("\n", lines));
    }

    private static String last(List<String> lines) {
        return lines.get(lines.size() - 1);
    }

    interface Run {
        void run() throws Exception;
    }

    private static List<String> stderrOf(Run run) throws Exception {
        PrintStream previous = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setErr(previous);
        }
        List<String> lines = lines(captured);
        previous.println(String.join("\n", lines));
        return lines;
    }

    private static List<String> lines(ByteArrayOutputStream out) {
        return new ArrayList<>(
                Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n"))
                        .map(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l)
                        .collect(Collectors.toList()));
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
