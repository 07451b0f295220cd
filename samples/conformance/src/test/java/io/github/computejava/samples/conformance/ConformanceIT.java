package io.github.computejava.samples.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.wasm.LocalServerDoor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every conformance scenario through the Wasm door: the {@code bin/main.wasm} that {@code package} just built,
 * on the local server, over HTTP. A scenario that passes in {@link ConformanceTest} and fails here is a
 * difference between the doors, which is a bug.
 */
class ConformanceIT {
    private static Path mainWasm() {
        Path wasm = Path.of("bin/main.wasm");
        assertTrue(Files.isRegularFile(wasm), wasm + " is missing: run `mvn verify` so `package` builds it first");
        return wasm;
    }

    @TestFactory
    Stream<DynamicTest> wasmDoor() {
        LocalServerDoor wasm = LocalServerDoor.load(mainWasm());
        DynamicTest door = DynamicTest.dynamicTest("the door is HTTP to main.wasm", () -> {
            try (TestHost host = Doors.wasm(wasm)) {
                String url = host.get("/hello").url();
                assertTrue(url.startsWith("http://127.0.0.1:"), url);
                host.get("/hello").send().assertThat().hasHeader("Date").hasBody("Hello, conformance\n");
            }
        });
        Stream<DynamicTest> scenarios = Scenarios.all().entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                    try (TestHost host = Doors.wasm(wasm)) {
                        e.getValue().run(host);
                    }
                }));
        return Stream.concat(Stream.of(door), scenarios);
    }
}
