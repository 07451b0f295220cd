package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.FastlyConfigStore;

/** {@code fastly_config_store}: the service's config stores, read-only. */
final class ConfigStoreImports implements ImportGroup {
    private static final String M = "fastly_config_store";

    @Override
    public void register(Registrar r) {
        // open(name: string) -> (status, config_store_handle)
        r.add(M, "open", (g, a) -> {
            byte[] name = g.memory().utf8Bytes(i32(a, 0), i32(a, 1));
            return g.u32Out(i32(a, 2), out -> calls(g).open(name, out));
        });

        // get(h: config_store_handle, key: string, value, value_max_len, nwritten_out) -> status
        r.add(M, "get", (g, a) -> {
            byte[] key = g.memory().utf8Bytes(i32(a, 1), i32(a, 2));
            return g.out(i32(a, 3), i32(a, 4), i32(a, 5), (buf, len, n) -> calls(g).get(i32(a, 0), key, buf, len, n));
        });
    }

    private static FastlyConfigStore calls(Guest g) {
        return g.sandbox().configStore();
    }
}
