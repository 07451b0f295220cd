package io.github.computejava.samples.servemany;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computejava.server.WasmProgram;
import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.TestResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built main.wasm on the local server (run after package), which hands a new client request to an instance
 * waiting in {@code next_request} before starting a fresh one. Requests are sent one after another with a pause
 * that lets the instance reach its wait.
 */
class MainWasmTest {
    /** Long enough for an instance that has answered to ask for its next request; well under its timeout. */
    private static final long PAUSE_MILLIS = 150;

    private static WasmProgram program;

    @BeforeAll
    static void load() {
        program = WasmProgram.load(Path.of("bin/main.wasm"), WasmProgram.Execution.COMPILED);
    }

    private static List<String> serve(TestHost host, String... paths) throws InterruptedException {
        List<String> answers = new ArrayList<>();
        for (String path : paths) {
            TestResponse response = host.get(path).send();
            response.assertThat().hasStatus(200);
            answers.add(response.bodyText());
            Thread.sleep(PAUSE_MILLIS);
        }
        return answers;
    }

    @Test
    void staticStateLastsAcrossTheRequestsOfOneInstanceUntilMaxRequests() throws Exception {
        try (TestHost host = TestHost.builder().localServer(program).build()) {
            assertEquals(
                    List.of(
                            "request 1 of this instance: /a\n",
                            "request 2 of this instance: /b\n",
                            "request 3 of this instance: /c\n",
                            "request 1 of this instance: /d\n",
                            "request 2 of this instance: /e\n"),
                    serve(host, "/a", "/b", "/c", "/d", "/e"));
        }
    }

    @Test
    void anInstanceEndsWhenNoRequestComesWithinTheNextTimeout() throws Exception {
        try (TestHost host = TestHost.builder().localServer(program).build()) {
            assertEquals(List.of("request 1 of this instance: /a\n"), serve(host, "/a"));
            Thread.sleep(Main.NEXT_TIMEOUT.toMillis() * 3);
            assertEquals(
                    List.of("request 1 of this instance: /b\n", "request 2 of this instance: /c\n"),
                    serve(host, "/b", "/c"));
        }
    }
}
