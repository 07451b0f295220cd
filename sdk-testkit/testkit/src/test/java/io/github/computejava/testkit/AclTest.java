package io.github.computejava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.acl.Acl;
import io.github.computejava.acl.AclEntry;
import io.github.computejava.acl.AclNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ACLs through the JVM door: seeded from code and from fastly.toml, looked up by the SDK. */
class AclTest {
    private static final String BLOCKLIST = "{\"entries\":["
            + "{\"prefix\":\"198.51.100.0/24\",\"action\":\"BLOCK\"},"
            + "{\"prefix\":\"198.51.100.7/32\",\"action\":\"ALLOW\"},"
            + "{\"prefix\":\"2001:db8::/32\",\"action\":\"BLOCK\"}]}";

    @TempDir
    Path dir;

    private static void handler(TestHost host) {
        host.handler((request, response) -> {
            String ip = request.headers().get("X-Ip").orElse("");
            Optional<AclEntry> hit =
                    Acl.open(request.headers().get("X-Acl").orElse("blocklist")).lookup(ip);
            response.headers().set("X-Action", hit.map(AclEntry::action).orElse("-"));
            response.headers().set("X-Prefix", hit.map(AclEntry::prefix).orElse("-"));
            response.status(hit.isPresent() && hit.get().isBlock() ? 403 : 200);
        });
    }

    private static ResponseAssert lookup(TestHost host, String ip) {
        return host.get("/").header("X-Ip", ip).send().assertThat();
    }

    @Test
    void seededAclsAnswerTheLongestMatchingPrefix() {
        try (TestHost host = TestHost.builder().build()) {
            host.acl("blocklist", BLOCKLIST);
            handler(host);
            lookup(host, "198.51.100.9")
                    .threwNothing()
                    .hasStatus(403)
                    .hasHeader("X-Action", "BLOCK")
                    .hasHeader("X-Prefix", "198.51.100.0/24");
            lookup(host, "198.51.100.7").hasStatus(200).hasHeader("X-Prefix", "198.51.100.7/32");
            lookup(host, "2001:db8:1::5").hasStatus(403).hasHeader("X-Prefix", "2001:db8::/32");
            lookup(host, "203.0.113.1").threwNothing().hasStatus(200).hasHeader("X-Action", "-");
        }
    }

    @Test
    void octetLookupsAndTheirArgumentChecks() {
        try (TestHost host = TestHost.builder().build()) {
            host.acl("blocklist", BLOCKLIST);
            host.handler((request, response) -> {
                Acl acl = Acl.open("blocklist");
                response.headers()
                        .set(
                                "X-Octets",
                                acl.lookup(new byte[] {(byte) 198, 51, 100, 1})
                                        .map(AclEntry::toString)
                                        .orElse("-"));
                response.headers()
                        .set(
                                "X-Bad",
                                assertThrows(IllegalArgumentException.class, () -> acl.lookup(new byte[5]))
                                                .getMessage()
                                        + " | "
                                        + assertThrows(IllegalArgumentException.class, () -> acl.lookup("host"))
                                                .getMessage());
            });
            host.get("/")
                    .send()
                    .assertThat()
                    .threwNothing()
                    .hasHeader("X-Octets", "198.51.100.0/24 BLOCK")
                    .hasHeader(
                            "X-Bad",
                            "octets: an IP address has 4 (IPv4) or 16 (IPv6) octets, not 5 | address: "
                                    + "'host' is not an IPv4 or IPv6 address literal");
        }
    }

    @Test
    void anAbsentAclIsAClearException() {
        try (TestHost host = TestHost.builder().build()) {
            handler(host);
            TestResponse r = host.get("/")
                    .header("X-Acl", "nope")
                    .header("X-Ip", "192.0.2.1")
                    .send();
            r.assertThat().hasStatus(500).threw(AclNotFoundException.class);
            Throwable thrown = r.uncaught().get(0);
            assertTrue(thrown instanceof AclNotFoundException, thrown.toString());
            assertEquals(
                    "No ACL named 'nope' is linked to this service (for local runs, define it in fastly.toml"
                            + " [local_server.acls])",
                    thrown.getMessage());
        }
    }

    @Test
    void aclsComeFromTheManifestAndBadJsonIsRefused() throws Exception {
        Files.writeString(dir.resolve("block.json"), BLOCKLIST);
        Path toml = dir.resolve("fastly.toml");
        Files.writeString(toml, "[local_server.acls]\nblocklist = \"block.json\"\n");
        try (TestHost host = TestHost.builder().manifest(toml).build()) {
            handler(host);
            lookup(host, "198.51.100.200").hasStatus(403).hasHeader("X-Prefix", "198.51.100.0/24");
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> host.acl("x", "{\"entries\":[{\"prefix\":\"1.2.3.0/24\",\"action\":\"DENY\"}]}"));
            assertEquals("entries[0]: action \"DENY\" is neither ALLOW nor BLOCK", e.getMessage());
        }
    }
}
