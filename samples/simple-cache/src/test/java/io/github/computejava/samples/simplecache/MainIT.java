package io.github.computejava.samples.simplecache;

import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.wasm.LocalServerDoor;
import java.nio.file.Path;

/**
 * The same stories through the Wasm door: the built main.wasm on the local server (Failsafe runs it after package), every
 * request on a fresh instance, so nothing the program keeps in memory carries over between requests.
 */
class MainIT extends SimpleCacheStory {
    private static LocalServerDoor program;

    /**
     * The program, compiled once for all tests; as many instances at once as the stories keep waiting (up to 100
     * requests collapsing on cache lookups), more than the local server's default for a program that computes.
     */
    private static synchronized LocalServerDoor program() {
        if (program == null) {
            program = LocalServerDoor.load(Path.of("bin/main.wasm")).withMaxInstances(128);
        }
        return program;
    }

    @Override
    TestHost open() {
        return TestHost.builder().localServer(program()).build();
    }
}
