package io.github.computejava.samples.conformance;

import io.github.computejava.server.WasmProgram;
import io.github.computejava.testkit.TestHost;
import java.util.Map;

/**
 * The two doors the scenarios run through, set up alike (as fastly.toml sets up the local server): the same
 * backends, stores and origin script.
 */
final class Doors {
    private Doors() {}

    /** The JVM door: Main in-process on the testkit's host. */
    static TestHost jvm() {
        TestHost host = TestHost.create();
        host.program(Main::main);
        return configure(host);
    }

    /** The Wasm door: the built {@code main.wasm} served over HTTP by the local server, on the same engine. */
    static TestHost wasm(WasmProgram mainWasm) {
        return configure(TestHost.builder().localServer(mainWasm).build());
    }

    private static TestHost configure(TestHost host) {
        host.backend("origin").url("http://127.0.0.1:7688/");
        // nothing scripted: requests go over the network to a port where nothing listens
        host.backend("refused").url("http://127.0.0.1:9/");
        host.configStore("settings", Map.of("greeting", "hej"));
        host.secretStore("credentials", Map.of("token", "s3cr3t"));
        host.kvStore("data", Map.of("seeded", "from the manifest"));
        Scenarios.scriptOrigin(host);
        return host;
    }
}
