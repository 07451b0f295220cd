package ${package};

import io.github.computejava.testkit.ComputeTest;
import io.github.computejava.testkit.TestHost;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the program on the JVM against the testkit's fake Fastly host: the same Main that becomes
 * bin/main.wasm, in milliseconds, with no Wasm involved.
 */
@ComputeTest
class MainTest {
    @BeforeEach
    void setUp(TestHost host) {
        host.program(Main::main);
    }

    @Test
    void greetsWithThePath(TestHost host) {
        host.get("/hello")
                .send()
                .assertThat()
                .hasStatus(200)
                .hasHeader("Content-Type", "text/plain; charset=utf-8")
                .hasBody("Hello from Java on Fastly Compute! You asked for /hello\n");
    }

    @Test
    void answersAnyMethodAndIgnoresTheQuery(TestHost host) {
        host.request("POST", "/submit?draft=1")
                .body("form data")
                .send()
                .assertThat()
                .hasStatus(200)
                .hasBody("Hello from Java on Fastly Compute! You asked for /submit\n")
                .threwNothing();
    }
}
