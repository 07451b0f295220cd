package io.github.computejava.samples.conformance;

import io.github.computejava.fsthttp.SendErrorKind;
import io.github.computejava.testkit.TestHost;
import java.util.Map;

/** The JVM door set up as fastly.toml sets up the local server: the same backends and stores. */
final class JvmDoor {
    private JvmDoor() {}

    static TestHost host() {
        TestHost host = TestHost.create();
        host.program(Main::main);
        host.backend("origin").url("http://127.0.0.1:7688/");
        host.backend("refused").url("http://127.0.0.1:9/").fail(SendErrorKind.CONNECTION_REFUSED);
        host.configStore("settings", Map.of("greeting", "hej"));
        host.secretStore("credentials", Map.of("token", "s3cr3t"));
        host.kvStore("data", Map.of("seeded", "from the manifest"));
        Scenarios.scriptOrigin(host);
        return host;
    }
}
