package io.github.computejava.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computejava.testkit.TestHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acl package in {@code main.wasm}: the build binds {@code fastly_acl} with the ABI's signatures, and on the
 * local server the program looks addresses up in ACLs read from {@code [local_server.acls]}.
 */
class AclWasmBuildTest {
    @TempDir
    Path dir;

    @Test
    void aclLookupsWorkInsideMainWasm() throws IOException {
        WasmBuild.Result result = FixtureBuilds.wasmBuild(
                        "io.github.computejava.plugin.fixtures.AclProgram",
                        dir.resolve("bin/main.wasm"),
                        dir.resolve("work"))
                .run();
        List<String> imports = result.imports().stream()
                .filter(i -> i.module().equals("fastly_acl"))
                .map(i -> i.module() + "." + i.name())
                .sorted()
                .collect(Collectors.toList());
        assertEquals(List.of("fastly_acl.lookup", "fastly_acl.open"), imports);

        Files.writeString(
                dir.resolve("blocklist.json"),
                "{\"entries\":[{\"prefix\":\"198.51.100.0/24\",\"action\":\"BLOCK\"},"
                        + "{\"prefix\":\"198.51.100.7/32\",\"action\":\"allow\"},"
                        + "{\"prefix\":\"2001:db8::/32\",\"action\":\"BLOCK\"}]}");
        Path toml = dir.resolve("fastly.toml");
        Files.writeString(toml, "[local_server.acls]\nblocklist = { file = \"blocklist.json\" }\n");
        try (TestHost host =
                TestHost.builder().localServer(result.wasm()).manifest(toml).build()) {
            lookup(host, "198.51.100.9")
                    .hasStatus(403)
                    .hasHeader("X-Action", "BLOCK")
                    .hasHeader("X-Prefix", "198.51.100.0/24");
            lookup(host, "198.51.100.7")
                    .hasStatus(200)
                    .hasHeader("X-Action", "ALLOW")
                    .hasHeader("X-Prefix", "198.51.100.7/32");
            lookup(host, "2001:db8:ffff::1").hasStatus(403).hasHeader("X-Prefix", "2001:db8::/32");
            lookup(host, "203.0.113.1").hasStatus(200).hasHeader("X-Action", "-");

            // seeded from code after the start, as on the JVM door
            host.acl("allowlist", "{\"entries\":[{\"prefix\":\"0.0.0.0/1\",\"action\":\"ALLOW\"}]}");
            host.get("/")
                    .header("X-Acl", "allowlist")
                    .header("X-Ip", "127.0.0.1")
                    .send()
                    .assertThat()
                    .hasStatus(200)
                    .hasHeader("X-Prefix", "0.0.0.0/1");
            host.get("/")
                    .header("X-Acl", "nope")
                    .header("X-Ip", "127.0.0.1")
                    .send()
                    .assertThat()
                    .hasStatus(404)
                    .hasBody("No ACL named 'nope' is linked to this service (for local runs, define it in"
                            + " fastly.toml [local_server.acls])");
        }
    }

    private static io.github.computejava.testkit.ResponseAssert lookup(TestHost host, String ip) {
        return host.get("/").header("X-Ip", ip).send().assertThat();
    }
}
