package io.github.computejava.samples.conformance;

import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.wasm.LocalServerDoor;
import java.nio.file.Path;

/**
 * The two doors the scenarios run through, set up alike from the sample's fastly.toml (as the local server sets
 * itself up) plus the origin script.
 */
final class Doors {
    private static final Path MANIFEST = Path.of("fastly.toml");

    private Doors() {}

    /** The JVM door: Main in-process on the testkit's host. */
    static TestHost jvm() {
        TestHost host = TestHost.builder().manifest(MANIFEST).build();
        host.program(Main::main);
        return script(host);
    }

    /** The Wasm door: the built {@code main.wasm} served over HTTP by the local server, on the same engine. */
    static TestHost wasm(LocalServerDoor mainWasm) {
        return script(
                TestHost.builder().manifest(MANIFEST).localServer(mainWasm).build());
    }

    /** The origin answers from its script; {@code refused} stays unscripted, so requests go over the network. */
    private static TestHost script(TestHost host) {
        Scenarios.scriptOrigin(host);
        return host;
    }
}
