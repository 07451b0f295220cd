package io.github.computejava.host.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.host.HostEngine;
import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.store.KvStore;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalServerConfigTest {
    @TempDir
    Path dir;

    private Path toml(String text) throws Exception {
        Path file = dir.resolve("fastly.toml");
        Files.writeString(file, "manifest_version = 3\nname = \"t\"\nlanguage = \"other\"\n" + text);
        return file;
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void readsBackendsWithEveryOption() throws Exception {
        LocalServerConfig c = LocalServerConfig.read(toml(String.join(
                "\n",
                "[local_server.backends.origin]",
                "url = \"https://example.com:8443/prefix\"",
                "override_host = \"www.example.com\"",
                "cert_host = \"cert.example.com\"",
                "use_sni = false",
                "connect_timeout_ms = 250",
                "first_byte_timeout_ms = 5000",
                "between_bytes_timeout_ms = 2000",
                "[local_server.backends.plain]",
                "url = \"http://127.0.0.1:7070/\"")));

        Backend b = c.backends().get("origin");
        assertEquals("https://example.com:8443/prefix", b.url().orElseThrow().toString());
        assertEquals("www.example.com", b.overrideHost().orElseThrow());
        assertEquals("cert.example.com", b.certHost().orElseThrow());
        assertFalse(b.useSni());
        assertEquals(Duration.ofMillis(250), b.connectTimeout());
        assertEquals(Duration.ofMillis(5000), b.firstByteTimeout());
        assertEquals(Duration.ofMillis(2000), b.betweenBytesTimeout());
        assertTrue(b.ssl());
        assertTrue(c.backends().get("plain").useSni());
    }

    @Test
    void readsConfigStoresInlineAndFromJsonAndDictionariesAsAnAlias() throws Exception {
        Files.writeString(dir.resolve("flags.json"), "{\"beta\": \"on\", \"gamma\": \"off\"}");
        LocalServerConfig c = LocalServerConfig.read(toml(String.join(
                "\n",
                "[local_server.config_stores.settings]",
                "format = \"inline-toml\"",
                "[local_server.config_stores.settings.contents]",
                "greeting = \"hello\"",
                "\"dotted.key\" = \"ok\"",
                "[local_server.config_stores.flags]",
                "format = \"json\"",
                "file = \"flags.json\"",
                "[local_server.dictionaries.legacy]",
                "format = \"inline-toml\"",
                "contents = { a = \"1\" }")));

        assertEquals(
                Map.of("greeting", "hello", "dotted.key", "ok"),
                c.configStores().get("settings"));
        assertEquals(Map.of("beta", "on", "gamma", "off"), c.configStores().get("flags"));
        assertEquals(Map.of("a", "1"), c.configStores().get("legacy"));
    }

    @Test
    void readsKvStoresAsArraysOrJsonFilesWithMetadata() throws Exception {
        Files.writeString(dir.resolve("logo.txt"), "file content");
        Files.writeString(
                dir.resolve("kv.json"),
                "{\"a\": \"plain\", \"b\": {\"data\": \"with meta\", \"metadata\": \"m\"}, \"c\": {\"file\": \"logo.txt\"}}");
        LocalServerConfig c = LocalServerConfig.read(toml(String.join(
                "\n",
                "[local_server.kv_stores]",
                "inline = [",
                "  { key = \"k1\", data = \"v1\" },",
                "  { key = \"k2\", file = \"logo.txt\", metadata = \"meta\" },",
                "]",
                "fromfile = { file = \"kv.json\", format = \"json\" }",
                "[local_server.object_stores]",
                "old = [ { key = \"x\", data = \"y\" } ]")));

        assertEquals("v1", utf8(c.kvStores().get("inline").get("k1").value()));
        assertEquals("file content", utf8(c.kvStores().get("inline").get("k2").value()));
        assertEquals("meta", utf8(c.kvStores().get("inline").get("k2").metadata()));
        assertEquals("plain", utf8(c.kvStores().get("fromfile").get("a").value()));
        assertEquals("m", utf8(c.kvStores().get("fromfile").get("b").metadata()));
        assertEquals("file content", utf8(c.kvStores().get("fromfile").get("c").value()));
        assertEquals("y", utf8(c.kvStores().get("old").get("x").value()));
    }

    @Test
    void readsSecretStoresFromDataFilesEnvironmentAndJson() throws Exception {
        Files.writeString(dir.resolve("key.pem"), "-----KEY-----");
        Files.writeString(dir.resolve("secrets.json"), "{\"token\": \"t0k3n\"}");
        LocalServerConfig c = LocalServerConfig.read(
                toml(String.join(
                        "\n",
                        "[local_server.secret_stores]",
                        "inline = [",
                        "  { key = \"a\", data = \"alpha\" },",
                        "  { key = \"b\", file = \"key.pem\" },",
                        "  { key = \"c\", env = \"MY_SECRET\" },",
                        "]",
                        "json = { file = \"secrets.json\", format = \"json\" }")),
                name -> name.equals("MY_SECRET") ? "from env" : null);

        assertArrayEquals(
                "alpha".getBytes(StandardCharsets.UTF_8),
                c.secretStores().get("inline").get("a"));
        assertEquals("-----KEY-----", utf8(c.secretStores().get("inline").get("b")));
        assertEquals("from env", utf8(c.secretStores().get("inline").get("c")));
        assertEquals("t0k3n", utf8(c.secretStores().get("json").get("token")));
    }

    @Test
    void readsGeolocationInlineWithTheLoopbackDefaultOptional() throws Exception {
        LocalServerConfig c = LocalServerConfig.read(toml(String.join(
                "\n",
                "[local_server.geolocation]",
                "use_default_loopback = false",
                "format = \"inline-toml\"",
                "[local_server.geolocation.addresses]",
                "[local_server.geolocation.addresses.\"192.0.2.1\"]",
                "city = \"Testville\"",
                "as_number = 64496")));

        String json = c.geolocation().lookup(InetAddress.getByName("192.0.2.1")).orElseThrow();
        assertTrue(json.contains("\"city\":\"Testville\"") && json.contains("\"as_number\":64496"), json);
        assertTrue(c.geolocation().lookup(InetAddress.getByName("127.0.0.1")).isEmpty());
        assertTrue(LocalServerConfig.empty()
                .geolocation()
                .lookup(InetAddress.getByName("127.0.0.1"))
                .orElseThrow()
                .contains("San Francisco"));
    }

    @Test
    void seedsAnEngine() throws Exception {
        LocalServerConfig c = LocalServerConfig.read(toml(String.join(
                "\n",
                "[local_server.backends.origin]",
                "url = \"http://127.0.0.1:1/\"",
                "[local_server.config_stores.s]",
                "format = \"inline-toml\"",
                "contents = { k = \"v\" }",
                "[local_server.kv_stores]",
                "kv = [ { key = \"k\", data = \"v\", metadata = \"m\" } ]",
                "[local_server.secret_stores]",
                "sec = [ { key = \"k\", data = \"v\" } ]")));

        try (HostEngine engine = c.applyTo(HostEngine.builder()).build()) {
            assertTrue(engine.backend("origin") != null);
            assertEquals("v", engine.configStore("s").get("k"));
            KvStore.Entry e = engine.kvStore("kv").lookup("k").orElseThrow();
            assertEquals("v", utf8(e.value()));
            assertEquals("m", utf8(e.metadata()));
            assertEquals("v", utf8(engine.secretStore("sec").get("k")));
        }
    }

    @Test
    void aFileWithoutLocalServerSectionHasNothing() throws Exception {
        LocalServerConfig c = LocalServerConfig.read(toml(""));
        assertTrue(c.backends().isEmpty()
                && c.configStores().isEmpty()
                && c.kvStores().isEmpty());
    }

    private void assertError(String toml, String... fragments) throws Exception {
        Path file = toml(toml);
        ConfigException e = assertThrows(ConfigException.class, () -> LocalServerConfig.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' in: " + e.getMessage());
        }
    }

    @Test
    void namesTheFileLineAndProblemOfAnInvalidFile() throws Exception {
        // lines 1-3 are the header written by toml(); the section starts on line 4
        assertError("[local_server\n", ":4:");
        assertError("[local_server.backends.x]\nurl = 42\n", ":5:", "local_server.backends.x.url must be a string");
        assertError("[local_server.backends.x]\nurl = \"ftp://x/\"\n", ":5:", "http:// or https://");
        assertError("[local_server.backends.x]\noverride_host = \"h\"\n", "local_server.backends.x.url is missing");
        assertError(
                "[local_server.backends.x]\nurl = \"http://h/\"\nfirst_byte_timeout_ms = -1\n",
                ":6:",
                "first_byte_timeout_ms must be a positive number of milliseconds");
        assertError(
                "[local_server.config_stores.s]\nformat = \"yaml\"\n",
                ":5:",
                "format must be \"inline-toml\" or \"json\", not \"yaml\"");
        assertError(
                "[local_server.config_stores.s]\nformat = \"json\"\nfile = \"missing.json\"\n", ":6:", "cannot read");
        assertError("[local_server.kv_stores]\ns = [ { key = \"k\" } ]\n", "needs exactly one of data or file");
        assertError("[local_server.kv_stores]\ns = [ { key = \"a#b\", data = \"v\" } ]\n", "not a valid KV store key");
        assertError(
                "[local_server.secret_stores]\ns = [ { key = \"k\", env = \"NO_SUCH_VARIABLE_HERE\" } ]\n",
                "NO_SUCH_VARIABLE_HERE is not set");
        assertError("[local_server]\nkv_stores = 3\n", ":5:", "local_server.kv_stores must be a table");
    }

    @Test
    void kvAndSecretStoresShareTheirTwoFormsAndTheirErrors() throws Exception {
        for (String stores : new String[] {"kv_stores", "secret_stores"}) {
            String where = "local_server." + stores + ".s";
            assertError(
                    "[local_server." + stores + ".s]\nformat = \"inline-toml\"\nfile = \"s.json\"\n",
                    ":5:",
                    where + ".format must be \"json\", not \"inline-toml\"");
            assertError("[local_server." + stores + ".s]\nformat = \"json\"\n", where + ".file is missing");
            assertError(
                    "[local_server." + stores + "]\ns = 3\n",
                    ":5:",
                    where + " must be an array of entries or a table with file and format");
            assertError(
                    "[local_server." + stores + "]\ns = [ { key = \"k\", data = \"v\" }, 3 ]\n",
                    ":5:",
                    where + "[1] must be a table");
            // entries are read in order: the first entry's problem is the one reported
            assertError("[local_server." + stores + "]\ns = [ { data = \"v\" }, 3 ]\n", where + "[0].key is missing");
        }
    }

    @Test
    void aJsonFileThatIsNotJsonIsNamed() throws Exception {
        Files.writeString(dir.resolve("bad.json"), "{not json");
        assertError(
                "[local_server.config_stores.s]\nformat = \"json\"\nfile = \"bad.json\"\n",
                "bad.json is not valid JSON");
    }
}
