package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.FastlySecretStore;

/** {@code fastly_secret_store}: the service's secret stores, and secrets made by the program. */
final class SecretStoreImports implements ImportGroup {
    private static final String M = "fastly_secret_store";

    @Override
    public void register(Registrar r) {
        // open(name: string) -> (status, secret_store_handle); none for an unknown store
        r.add(M, "open", (g, a) -> {
            byte[] name = g.memory().utf8Bytes(i32(a, 0), i32(a, 1));
            return g.u32Out(i32(a, 2), out -> calls(g).open(name, out));
        });

        // get(store, key: string) -> (status, secret_handle); none for an unknown secret
        r.add(M, "get", (g, a) -> {
            byte[] key = g.memory().utf8Bytes(i32(a, 1), i32(a, 2));
            return g.u32Out(i32(a, 3), out -> calls(g).get(i32(a, 0), key, out));
        });

        // plaintext(secret, buf, buf_len, nwritten_out) -> status
        r.add(
                M,
                "plaintext",
                (g, a) -> g.out(
                        i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> calls(g).plaintext(i32(a, 0), buf, len, n)));

        // from_bytes(buf, buf_len) -> (status, secret_handle)
        r.add(M, "from_bytes", (g, a) -> {
            byte[] plaintext = g.memory().bytes(i32(a, 0), i32(a, 1));
            return g.u32Out(i32(a, 2), out -> calls(g).fromBytes(plaintext, out));
        });
    }

    private static FastlySecretStore calls(Guest g) {
        return g.sandbox().secretStore();
    }
}
