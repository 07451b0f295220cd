package io.github.computejava.samples.readthrough;

import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.wasm.LocalServerDoor;
import java.nio.file.Path;

/** The scenarios through the Wasm door: the built main.wasm on the local server (run by Failsafe after package). */
class MainIT extends ReadthroughScenarios {
    private static LocalServerDoor program;

    /** The program, compiled once for all tests. */
    static synchronized LocalServerDoor program() {
        if (program == null) {
            program = LocalServerDoor.load(Path.of("bin/main.wasm"))
                    // the stories keep many requests waiting at once on collapsed cache lookups
                    .withMaxInstances(128);
        }
        return program;
    }

    @Override
    TestHost open(TestHost.Builder builder) {
        return builder.localServer(program()).build();
    }
}
