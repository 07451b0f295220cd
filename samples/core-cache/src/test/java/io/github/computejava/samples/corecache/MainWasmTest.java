package io.github.computejava.samples.corecache;

import io.github.computejava.testkit.TestHost;
import java.nio.file.Path;

/** The same story through the Wasm door: the built main.wasm on the local server (run after package). */
class MainWasmTest extends CoreCacheStory {
    @Override
    TestHost open() {
        return TestHost.builder().localServer(Path.of("bin/main.wasm")).build();
    }
}
