package io.github.computejava.host.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.host.HostEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [local_server.acls]}: a JSON file per ACL, named directly or as {@code {file = ...}}, as Viceroy reads. */
class LocalServerConfigAclTest {
    @TempDir
    Path dir;

    private Path toml(String text) throws Exception {
        Path file = dir.resolve("fastly.toml");
        Files.writeString(file, "manifest_version = 3\nname = \"t\"\n" + text);
        return file;
    }

    @Test
    void readsAclsFromJsonFilesInBothForms() throws Exception {
        Files.createDirectories(dir.resolve("acls"));
        Files.writeString(
                dir.resolve("acls/block.json"),
                "{\"entries\":[{\"op\":\"create\",\"prefix\":\"192.0.2.0/24\",\"action\":\"BLOCK\"},"
                        + "{\"prefix\":\"2001:db8::/32\",\"action\":\"ALLOW\"}]}");
        Files.writeString(dir.resolve("empty.json"), "{\"entries\":[]}");
        LocalServerConfig c = LocalServerConfig.read(toml(String.join(
                "\n",
                "[local_server.acls]",
                "plain = \"empty.json\"",
                "[local_server.acls.blocklist]",
                "file = \"acls/block.json\"",
                "format = \"json\"")));
        assertEquals(2, c.acls().size());
        assertEquals(0, c.acls().get("plain").entries().size());
        HostEngine engine = c.applyTo(HostEngine.builder()).build();
        try {
            assertEquals(
                    "{\"action\":\"BLOCK\",\"prefix\":\"192.0.2.0/24\"}",
                    engine.acl("blocklist")
                            .lookup(new byte[] {(byte) 192, 0, 2, 99})
                            .orElseThrow()
                            .toJson());
            assertEquals(
                    "2001:db8::/32", engine.acl("blocklist").entries().get(1).prefix());
        } finally {
            engine.close();
        }
    }

    private void assertError(String toml, String... fragments) throws Exception {
        Path file = toml(toml);
        ConfigException e = assertThrows(ConfigException.class, () -> LocalServerConfig.read(file));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' lacks '" + f + "'");
        }
    }

    @Test
    void badAclFilesAreRefusedWithTheFileAndTheProblem() throws Exception {
        Files.writeString(
                dir.resolve("bad.json"),
                "{\"entries\":[{\"prefix\":\"10.0.0.0/8\",\"action\":\"BLOCK\"},"
                        + "{\"prefix\":\"10.0.0.0/40\",\"action\":\"BLOCK\"}]}");
        Files.writeString(dir.resolve("broken.json"), "{\"entries\":[");
        assertError(
                "[local_server.acls]\nx = \"bad.json\"\n",
                "fastly.toml:4:1:",
                "local_server.acls.x",
                "bad.json",
                "entries[1]: prefix \"10.0.0.0/40\": the mask must be a number from 1 to 32");
        assertError("[local_server.acls.x]\nfile = \"broken.json\"\n", "broken.json", "not valid JSON");
        assertError(
                "[local_server.acls.x]\nfile = \"missing.json\"\n", "local_server.acls.x: cannot read", "missing.json");
        assertError("[local_server.acls.x]\nformat = \"json\"\n", "local_server.acls.x.file is missing");
        assertError("[local_server.acls]\nx = 3\n", "local_server.acls.x must be the name of a JSON file");
    }
}
