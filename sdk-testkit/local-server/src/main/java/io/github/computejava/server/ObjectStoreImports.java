package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.FastlyObjectStore;

/** {@code fastly_object_store}: the deprecated interface to the KV stores. */
final class ObjectStoreImports implements ImportGroup {
    private static final String M = "fastly_object_store";

    @Override
    public void register(Registrar r) {
        // open(name: string) -> (status, object_store_handle)
        r.add(M, "open", (g, a) -> {
            byte[] name = g.memory().utf8Bytes(i32(a, 0), i32(a, 1));
            return g.u32Out(i32(a, 2), out -> calls(g).open(name, out));
        });

        // lookup(store, key: string, body_handle_out) -> status; none when absent
        r.add(M, "lookup", (g, a) -> {
            byte[] key = g.memory().utf8Bytes(i32(a, 1), i32(a, 2));
            return g.u32Out(i32(a, 3), out -> calls(g).lookup(i32(a, 0), key, out));
        });

        // lookup_async(store, key: string, pending_handle_out) -> status
        r.add(M, "lookup_async", (g, a) -> {
            byte[] key = g.memory().utf8Bytes(i32(a, 1), i32(a, 2));
            return g.u32Out(i32(a, 3), out -> calls(g).lookupAsync(i32(a, 0), key, out));
        });

        // pending_lookup_wait(h, body_handle_out) -> status; none when absent
        r.add(
                M,
                "pending_lookup_wait",
                (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).pendingLookupWait(i32(a, 0), out)));

        // insert(store, key: string, body_handle) -> status
        r.add(M, "insert", (g, a) -> {
            byte[] key = g.memory().utf8Bytes(i32(a, 1), i32(a, 2));
            return calls(g).insert(i32(a, 0), key, i32(a, 3));
        });

        // insert_async(store, key: string, body_handle, pending_handle_out) -> status
        r.add(M, "insert_async", (g, a) -> {
            byte[] key = g.memory().utf8Bytes(i32(a, 1), i32(a, 2));
            return g.u32Out(i32(a, 4), out -> calls(g).insertAsync(i32(a, 0), key, i32(a, 3), out));
        });

        // pending_insert_wait(h) -> status
        r.add(M, "pending_insert_wait", (g, a) -> calls(g).pendingInsertWait(i32(a, 0)));

        // delete_async(store, key: string, pending_handle_out) -> status
        r.add(M, "delete_async", (g, a) -> {
            byte[] key = g.memory().utf8Bytes(i32(a, 1), i32(a, 2));
            return g.u32Out(i32(a, 3), out -> calls(g).deleteAsync(i32(a, 0), key, out));
        });

        // pending_delete_wait(h) -> status
        r.add(M, "pending_delete_wait", (g, a) -> calls(g).pendingDeleteWait(i32(a, 0)));
    }

    private static FastlyObjectStore calls(Guest g) {
        return g.sandbox().objectStore();
    }
}
