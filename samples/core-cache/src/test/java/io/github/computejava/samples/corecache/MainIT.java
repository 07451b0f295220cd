package io.github.computejava.samples.corecache;

import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.wasm.LocalServerDoor;
import java.nio.file.Path;

/**
 * The same stories through the Wasm door: the built main.wasm on the local server (Failsafe runs it after package), every
 * request on a fresh instance.
 */
class MainIT extends CoreCacheStory {
    private static LocalServerDoor program;

    /** The program, compiled once for all tests. */
    private static synchronized LocalServerDoor program() {
        if (program == null) {
            program = LocalServerDoor.load(Path.of("bin/main.wasm"))
                    // the stories keep many requests waiting at once on collapsed cache lookups
                    .withMaxInstances(128);
        }
        return program;
    }

    @Override
    TestHost open() {
        return TestHost.builder().localServer(program()).build();
    }
}
