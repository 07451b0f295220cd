package ${package};

import io.github.computejava.testkit.ComputeTest;
import io.github.computejava.testkit.TestHost;
import org.junit.jupiter.api.Test;

/** Runs the program on the JVM against the testkit's fake Fastly host. */
@ComputeTest
class MainTest {
    @Test
    void answersEveryRequestWithAnEmpty200(TestHost host) {
        host.program(Main::main);

        host.get("/anything").send().assertThat().hasStatus(200).hasBody("").threwNothing();
    }
}
