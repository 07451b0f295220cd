package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.FastlyStatus;

/**
 * The stores: {@code fastly_config_store} and {@code fastly_dictionary} (the same stores), {@code fastly_kv_store}
 * and the deprecated {@code fastly_object_store} (the same stores), and {@code fastly_secret_store}.
 */
final class StoreImports implements ImportGroup {
    /** {@code kv_insert_config_options} bits. */
    private static final int INSERT_METADATA = 1 << 3;

    private static final int INSERT_TTL = 1 << 4;
    private static final int INSERT_IF_GENERATION = 1 << 5;

    /** {@code kv_list_config_options} bits. */
    private static final int LIST_CURSOR = 1 << 1;

    private static final int LIST_LIMIT = 1 << 2;
    private static final int LIST_PREFIX = 1 << 3;

    @Override
    public void register(Registrar r) {
        configStores(r, "fastly_config_store");
        configStores(r, "fastly_dictionary");
        kvStores(r);
        objectStores(r);
        secretStores(r);
    }

    private static void configStores(Registrar r, String m) {
        // open(name: string) -> (status, handle)
        r.add(m, "open", (g, a) -> {
            byte[] name = g.memory().utf8Bytes(i32(a, 0), i32(a, 1));
            return g.u32Out(i32(a, 2), out -> g.sandbox().configStoreOpen(name, out));
        });

        // get(h, key: string, value, value_max_len, nwritten_out) -> status
        r.add(m, "get", (g, a) -> {
            byte[] key = g.memory().utf8Bytes(i32(a, 1), i32(a, 2));
            return g.out(i32(a, 3), i32(a, 4), i32(a, 5), (buf, len, n) -> g.sandbox()
                    .configStoreGet(i32(a, 0), key, buf, len, n));
        });
    }

    private static void kvStores(Registrar r) {
        String m = "fastly_kv_store";

        // open(name: string) -> (status, kv_store_handle)
        r.add(m, "open", (g, a) -> {
            byte[] name = g.memory().utf8Bytes(i32(a, 0), i32(a, 1));
            return g.u32Out(i32(a, 2), out -> g.sandbox().stores().kvOpen(name, out));
        });

        // lookup(store, key: string, mask, config: ptr kv_lookup_config, handle_out) -> status
        r.add(m, "lookup", (g, a) -> {
            byte[] key = g.memory().bytes(i32(a, 1), i32(a, 2));
            return g.u32Out(i32(a, 5), out -> g.sandbox().stores().kvLookup(i32(a, 0), key, out));
        });

        // lookup_wait(h, body_handle_out, metadata_buf, metadata_buf_len, nwritten_out, generation_out: ptr u32,
        //   kv_error_out) -> status
        r.add(m, "lookup_wait", (g, a) -> lookupWait(g, a, false));
        // lookup_wait_v2(..., generation_out: ptr u64, kv_error_out) -> status
        r.add(m, "lookup_wait_v2", (g, a) -> lookupWait(g, a, true));

        // insert(store, key: string, body, mask, config: ptr kv_insert_config, handle_out) -> status
        r.add(m, "insert", (g, a) -> {
            GuestMemory mem = g.memory();
            byte[] key = mem.bytes(i32(a, 1), i32(a, 2));
            int mask = i32(a, 4);
            int cfg = i32(a, 5);
            int mode = mem.u32(cfg);
            byte[] metadata = null;
            long ttl = -1;
            Long ifGeneration = null;
            if ((mask & INSERT_METADATA) != 0) {
                metadata = mem.bytes(mem.u32(cfg + 8), mem.u32(cfg + 12));
            }
            if ((mask & INSERT_TTL) != 0) {
                ttl = Integer.toUnsignedLong(mem.u32(cfg + 16));
            }
            if ((mask & INSERT_IF_GENERATION) != 0) {
                ifGeneration = mem.u64(cfg + 24);
            }
            byte[] meta = metadata;
            long ttlSeconds = ttl;
            Long generation = ifGeneration;
            return g.u32Out(i32(a, 6), out -> g.sandbox()
                    .stores()
                    .kvInsert(i32(a, 0), key, i32(a, 3), mode, meta, ttlSeconds, generation, out));
        });

        // insert_wait(h, kv_error_out) -> status
        r.add(
                m,
                "insert_wait",
                (g, a) -> g.u32Out(i32(a, 1), out -> g.sandbox().stores().kvOutcomeWait(i32(a, 0), out)));

        // delete(store, key: string, mask, config: ptr kv_delete_config, handle_out) -> status
        r.add(m, "delete", (g, a) -> {
            byte[] key = g.memory().bytes(i32(a, 1), i32(a, 2));
            return g.u32Out(i32(a, 5), out -> g.sandbox().stores().kvDelete(i32(a, 0), key, out));
        });

        // delete_wait(h, kv_error_out) -> status
        r.add(
                m,
                "delete_wait",
                (g, a) -> g.u32Out(i32(a, 1), out -> g.sandbox().stores().kvOutcomeWait(i32(a, 0), out)));

        // list(store, mask, config: ptr kv_list_config, handle_out) -> status
        r.add(m, "list", (g, a) -> {
            GuestMemory mem = g.memory();
            int mask = i32(a, 1);
            int cfg = i32(a, 2);
            String cursor = null;
            String prefix = null;
            int limit = 0;
            if ((mask & LIST_CURSOR) != 0) {
                cursor = listText(mem, cfg + 4);
            }
            if ((mask & LIST_LIMIT) != 0) {
                limit = mem.u32(cfg + 12);
            }
            if ((mask & LIST_PREFIX) != 0) {
                prefix = listText(mem, cfg + 16);
            }
            String c = cursor;
            String p = prefix;
            int l = limit;
            return g.u32Out(i32(a, 3), out -> g.sandbox().stores().kvList(i32(a, 0), c, p, l, out));
        });

        // list_wait(h, body_handle_out, kv_error_out) -> status
        r.add(m, "list_wait", (g, a) -> {
            g.memory().checkU32(i32(a, 1));
            g.memory().checkU32(i32(a, 2));
            int[] body = new int[1];
            int[] error = new int[1];
            int status = g.sandbox().stores().kvListWait(i32(a, 0), body, error);
            if (status == FastlyStatus.OK) {
                g.memory().u32(i32(a, 2), error[0]);
                if (error[0] == 1) {
                    g.memory().u32(i32(a, 1), body[0]);
                }
            }
            return status;
        });
    }

    private static int lookupWait(Guest g, long[] a, boolean generation64) {
        GuestMemory mem = g.memory();
        int bodyPtr = i32(a, 1);
        int metaPtr = i32(a, 2);
        int metaLen = i32(a, 3);
        int nwrittenPtr = i32(a, 4);
        int generationPtr = i32(a, 5);
        int errorPtr = i32(a, 6);
        mem.checkU32(bodyPtr);
        mem.check(metaPtr, metaLen);
        mem.checkU32(nwrittenPtr);
        if (generation64) {
            mem.checkU64(generationPtr);
        } else {
            mem.checkU32(generationPtr);
        }
        mem.checkU32(errorPtr);
        int capped = (int) Math.min(Integer.toUnsignedLong(metaLen), 1 << 16);
        byte[] meta = new byte[capped];
        int[] nwritten = new int[1];
        long[] out = new long[3];
        int status = g.sandbox().stores().kvLookupWait(i32(a, 0), meta, capped, nwritten, out);
        if (status == FastlyStatus.BUFLEN) {
            mem.u32(nwrittenPtr, nwritten[0]);
            return status;
        }
        if (status != FastlyStatus.OK) {
            return status;
        }
        mem.u32(errorPtr, (int) out[2]);
        if (out[2] == 1) {
            mem.u32(bodyPtr, (int) out[0]);
            mem.write(metaPtr, meta, 0, nwritten[0]);
            mem.u32(nwrittenPtr, nwritten[0]);
            if (generation64) {
                mem.u64(generationPtr, out[1]);
            } else {
                // the first version reports no generation
                mem.u32(generationPtr, 0);
            }
        }
        return FastlyStatus.OK;
    }

    private static String listText(GuestMemory mem, int field) {
        int ptr = mem.u32(field);
        int len = mem.u32(field + 4);
        if (len == 0) {
            throw GuestFault.inval("an empty cursor or prefix in kv_list_config");
        }
        return mem.utf8(ptr, len);
    }

    private static void objectStores(Registrar r) {
        String m = "fastly_object_store";

        // open(name: string) -> (status, object_store_handle)
        r.add(m, "open", (g, a) -> {
            byte[] name = g.memory().utf8Bytes(i32(a, 0), i32(a, 1));
            return g.u32Out(i32(a, 2), out -> g.sandbox().stores().kvOpen(name, out));
        });

        // lookup(store, key: string, body_handle_out) -> status; none when absent
        r.add(m, "lookup", (g, a) -> {
            byte[] key = g.memory().utf8Bytes(i32(a, 1), i32(a, 2));
            return g.u32Out(i32(a, 3), out -> g.sandbox().stores().objectLookup(i32(a, 0), key, out));
        });

        // lookup_async(store, key: string, pending_handle_out) -> status
        r.add(m, "lookup_async", (g, a) -> {
            byte[] key = g.memory().utf8Bytes(i32(a, 1), i32(a, 2));
            return g.u32Out(i32(a, 3), out -> g.sandbox().stores().kvLookup(i32(a, 0), key, out));
        });

        // pending_lookup_wait(h, body_handle_out) -> status; none when absent
        r.add(
                m,
                "pending_lookup_wait",
                (g, a) -> g.u32Out(i32(a, 1), out -> g.sandbox().stores().objectLookupWait(i32(a, 0), out)));

        // insert(store, key: string, body_handle) -> status
        r.add(m, "insert", (g, a) -> {
            byte[] key = g.memory().utf8Bytes(i32(a, 1), i32(a, 2));
            int[] pending = new int[1];
            int status = g.sandbox().stores().kvInsert(i32(a, 0), key, i32(a, 3), 0, null, -1, null, pending);
            return status == FastlyStatus.OK ? g.sandbox().stores().objectOutcomeWait(pending[0]) : status;
        });

        // insert_async(store, key: string, body_handle, pending_handle_out) -> status
        r.add(m, "insert_async", (g, a) -> {
            byte[] key = g.memory().utf8Bytes(i32(a, 1), i32(a, 2));
            return g.u32Out(
                    i32(a, 4), out -> g.sandbox().stores().kvInsert(i32(a, 0), key, i32(a, 3), 0, null, -1, null, out));
        });

        // pending_insert_wait(h) -> status
        r.add(m, "pending_insert_wait", (g, a) -> g.sandbox().stores().objectOutcomeWait(i32(a, 0)));

        // delete_async(store, key: string, pending_handle_out) -> status
        r.add(m, "delete_async", (g, a) -> {
            byte[] key = g.memory().utf8Bytes(i32(a, 1), i32(a, 2));
            return g.u32Out(i32(a, 3), out -> g.sandbox().stores().kvDelete(i32(a, 0), key, out));
        });

        // pending_delete_wait(h) -> status
        r.add(m, "pending_delete_wait", (g, a) -> g.sandbox().stores().objectOutcomeWait(i32(a, 0)));
    }

    private static void secretStores(Registrar r) {
        String m = "fastly_secret_store";

        // open(name: string) -> (status, secret_store_handle); none for an unknown store
        r.add(m, "open", (g, a) -> {
            byte[] name = g.memory().utf8Bytes(i32(a, 0), i32(a, 1));
            return g.u32Out(i32(a, 2), out -> g.sandbox().stores().secretStoreOpen(name, out));
        });

        // get(store, key: string) -> (status, secret_handle); none for an unknown secret
        r.add(m, "get", (g, a) -> {
            byte[] key = g.memory().utf8Bytes(i32(a, 1), i32(a, 2));
            return g.u32Out(i32(a, 3), out -> g.sandbox().stores().secretGet(i32(a, 0), key, out));
        });

        // plaintext(secret, buf, buf_len, nwritten_out) -> status
        r.add(
                m,
                "plaintext",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> g.sandbox()
                        .stores()
                        .secretPlaintext(i32(a, 0), buf, len, n)));

        // from_bytes(buf, buf_len) -> (status, secret_handle)
        r.add(m, "from_bytes", (g, a) -> {
            byte[] plaintext = g.memory().bytes(i32(a, 0), i32(a, 1));
            return g.u32Out(i32(a, 2), out -> g.sandbox().stores().secretFromBytes(plaintext, out));
        });
    }
}
