package io.github.computejava.samples.conformance;

import io.github.computejava.testkit.TestHost;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every conformance scenario through the JVM door: the program in-process on the testkit's host. */
class ConformanceTest {
    @TestFactory
    Stream<DynamicTest> jvmDoor() {
        Map<String, Scenario> scenarios = Scenarios.all();
        return scenarios.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                    try (TestHost host = JvmDoor.host()) {
                        e.getValue().run(host);
                    }
                }));
    }
}
