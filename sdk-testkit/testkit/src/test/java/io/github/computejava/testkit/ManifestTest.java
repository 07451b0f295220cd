package io.github.computejava.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.configstore.ConfigStore;
import io.github.computejava.fsthttp.Backend;
import io.github.computejava.kvstore.KVEntry;
import io.github.computejava.kvstore.KVStore;
import io.github.computejava.secretstore.SecretStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Hosts seeded from a project's fastly.toml, as the local server reads it. */
@ComputeTest(manifest = "src/test/resources/manifests/fastly.toml")
class ManifestTest {
    @Test
    void backendsAndStoresComeFromTheManifest(TestHost host) {
        host.backend("origin")
                .respond(r ->
                        MockResponse.ok("scripted, host " + r.header("Host").orElse("-")));
        host.handler((request, response) -> {
            Backend origin = Backend.fromName("origin");
            response.write(origin.target() + " " + origin.isSsl() + " "
                    + origin.hostOverride().orElse("-") + "\n");
            response.write(ConfigStore.open("settings").get("mode").orElse("?") + " "
                    + KVStore.open("data").lookup("k").map(KVEntry::text).orElse("?") + " "
                    + SecretStore.open("creds").get("token").orElseThrow().plaintextText() + "\n");
            response.write(request.send("origin").bodyText());
        });

        host.get("/")
                .send()
                .assertThat()
                .threwNothing()
                .hasBody("origin.example.com:8443 true www.example.com\ntest v t0k3n\nscripted, host www.example.com");
    }

    @Test
    void anInvalidManifestIsReportedWithItsFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestHost.builder()
                .manifest(Path.of("src/test/resources/manifests/broken.toml")));
        assertTrue(e.getMessage().contains("broken.toml"), e.getMessage());
    }
}
