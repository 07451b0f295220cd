package io.github.computejava.samples.conformance;

import io.github.computejava.testkit.TestHost;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every conformance scenario through the JVM door: the program in-process on the testkit's host. */
class ConformanceTest {
    @TestFactory
    Stream<DynamicTest> jvmDoor() {
        return Scenarios.all().entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                    try (TestHost host = Doors.jvm()) {
                        e.getValue().run(host);
                    }
                }));
    }
}
