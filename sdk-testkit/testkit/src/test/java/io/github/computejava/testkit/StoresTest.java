package io.github.computejava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.StoreNotFoundException;
import io.github.computejava.host.store.KvStore;
import io.github.computejava.kvstore.InsertMode;
import io.github.computejava.kvstore.KVEntry;
import io.github.computejava.kvstore.KVStore;
import io.github.computejava.kvstore.KVStoreException;
import io.github.computejava.secretstore.Secret;
import io.github.computejava.secretstore.SecretStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@ComputeTest
class StoresTest {
    @Test
    void kvValuesAreSeededReadAndWritten(TestHost host) {
        host.kvStore("data", Map.of("greeting", "hello"));
        host.kvStore("data")
                .insert(
                        "with-meta",
                        "v".getBytes(StandardCharsets.UTF_8),
                        KvStore.InsertMode.OVERWRITE,
                        "{\"m\":1}".getBytes(StandardCharsets.UTF_8),
                        null,
                        null);
        host.handler((request, response) -> {
            KVStore store = KVStore.open("data");
            response.write(store.lookup("greeting").map(KVEntry::text).orElse("?") + "\n");
            KVEntry meta = store.lookup("with-meta").orElseThrow();
            response.write(meta.metadata().orElse("-") + " " + meta.text() + "\n");
            response.write(store.lookup("missing").isPresent() + "\n");
            store.insert("written", "by the program");
            response.write(store.delete("greeting") + " " + store.delete("greeting") + "\n");
        });

        host.get("/").send().assertThat().threwNothing().hasBody("hello\n{\"m\":1} v\nfalse\ntrue false\n");
        assertEquals(
                "by the program",
                new String(host.kvStore("data").lookup("written").orElseThrow().value(), StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), host.kvStore("data").lookup("greeting"));
    }

    @Test
    void insertModesAndPreconditions(TestHost host) {
        host.kvStore("data", Map.of("k", "middle"));
        host.handler((request, response) -> {
            KVStore store = KVStore.open("data");
            store.insert(
                    "k",
                    "<".getBytes(StandardCharsets.UTF_8),
                    KVStore.InsertOptions.builder().mode(InsertMode.PREPEND).build());
            store.insert(
                    "k",
                    ">".getBytes(StandardCharsets.UTF_8),
                    KVStore.InsertOptions.builder().mode(InsertMode.APPEND).build());
            KVEntry entry = store.lookup("k").orElseThrow();
            long generation = entry.generation();
            response.write(entry.text() + "\n");
            try {
                store.insert(
                        "k",
                        "x".getBytes(StandardCharsets.UTF_8),
                        KVStore.InsertOptions.builder().mode(InsertMode.ADD).build());
            } catch (KVStoreException e) {
                response.write(e.kind() + "\n");
            }
            try {
                store.insert(
                        "k",
                        "x".getBytes(StandardCharsets.UTF_8),
                        KVStore.InsertOptions.builder()
                                .ifGenerationMatch(generation + 100)
                                .build());
            } catch (KVStoreException e) {
                response.write(e.kind() + "\n");
            }
            store.insert(
                    "k",
                    "replaced".getBytes(StandardCharsets.UTF_8),
                    KVStore.InsertOptions.builder()
                            .ifGenerationMatch(generation)
                            .build());
            response.write(store.lookup("k").orElseThrow().text() + "\n");
            try {
                store.lookup("");
            } catch (KVStoreException e) {
                response.write(e.kind() + "\n");
            }
        });

        host.get("/")
                .send()
                .assertThat()
                .hasBody("<middle>\nPRECONDITION_FAILED\nPRECONDITION_FAILED\nreplaced\nBAD_REQUEST\n");
    }

    @Test
    void aTimeToLiveRunsOnTheVirtualClock(TestHost host) {
        host.kvStore("data");
        host.handler((request, response) -> {
            KVStore store = KVStore.open("data");
            if (request.path().equals("/write")) {
                store.insert(
                        "session",
                        "s1".getBytes(StandardCharsets.UTF_8),
                        KVStore.InsertOptions.builder()
                                .ttl(Duration.ofMinutes(10))
                                .build());
            }
            response.write(store.lookup("session").map(KVEntry::text).orElse("gone"));
        });

        host.get("/write").send().assertThat().hasBody("s1");
        host.clock().advance(Duration.ofMinutes(9));
        host.get("/").send().assertThat().hasBody("s1");
        host.clock().advance(Duration.ofMinutes(1));
        host.get("/").send().assertThat().hasBody("gone");
    }

    @Test
    void secretsAreReadAndMissingOnesAreEmpty(TestHost host) {
        host.secretStore("credentials", Map.of("token", "s3cr3t"));
        host.handler((request, response) -> {
            SecretStore store = SecretStore.open("credentials");
            Secret token = store.get("token").orElseThrow();
            response.write(token.plaintextText() + " " + token + " "
                    + store.get("other").isPresent());
            response.write(" " + Secret.fromBytes(new byte[] {65, 66}).plaintextText());
            try {
                SecretStore.open("nope");
            } catch (StoreNotFoundException e) {
                response.write(" " + e.kind());
            }
            try {
                KVStore.open("nope");
            } catch (StoreNotFoundException e) {
                response.write(" " + e.kind());
            }
        });

        host.get("/").send().assertThat().hasBody("s3cr3t Secret{***} false AB secret store KV store");
    }

    @Test
    void largeValuesRoundTrip(TestHost host) {
        byte[] big = new byte[100_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 7);
        }
        host.kvStore("data");
        host.handler((request, response) -> {
            KVStore store = KVStore.open("data");
            store.insert("big", big, KVStore.InsertOptions.DEFAULT);
            response.write(store.lookup("big").orElseThrow().bytes());
        });

        host.get("/").send().assertThat().hasBody(big);
        assertTrue(host.kvStore("data").lookup("big").isPresent());
    }
}
