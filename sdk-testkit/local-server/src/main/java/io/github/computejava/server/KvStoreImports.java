package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.FastlyKvStore;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.KvInsertConfig;

/** {@code fastly_kv_store}: the service's KV stores. */
final class KvStoreImports implements ImportGroup {
    private static final String M = "fastly_kv_store";

    /** The most metadata a lookup copies out at once (the engine asks for more with {@code buflen}). */
    private static final int METADATA_CAP = 1 << 16;

    @Override
    public void register(Registrar r) {
        // open(name: string) -> (status, kv_store_handle)
        r.add(M, "open", (g, a) -> {
            byte[] name = g.memory().utf8Bytes(i32(a, 0), i32(a, 1));
            return g.u32Out(i32(a, 2), out -> calls(g).open(name, out));
        });

        // lookup(store, key: string, lookup_config_mask, lookup_configuration: ptr kv_lookup_config, handle_out)
        //   -> status; the configuration has no fields the host reads
        r.add(M, "lookup", (g, a) -> {
            byte[] key = g.memory().bytes(i32(a, 1), i32(a, 2));
            return g.u32Out(i32(a, 5), out -> calls(g).lookup(i32(a, 0), key, i32(a, 3), null, out));
        });

        // lookup_wait(h, body_handle_out, metadata_buf, metadata_buf_len, nwritten_out, generation_out: ptr u32,
        //   kv_error_out) -> status
        r.add(M, "lookup_wait", (g, a) -> lookupWait(g, a, false));

        // lookup_wait_v2(..., generation_out: ptr u64, kv_error_out) -> status
        r.add(M, "lookup_wait_v2", (g, a) -> lookupWait(g, a, true));

        // insert(store, key: string, body_handle, insert_config_mask, insert_configuration: ptr kv_insert_config,
        //   handle_out) -> status
        r.add(M, "insert", (g, a) -> {
            byte[] key = g.memory().bytes(i32(a, 1), i32(a, 2));
            int mask = i32(a, 4);
            KvInsertConfig config = insertConfig(g.memory(), mask, i32(a, 5));
            return g.u32Out(i32(a, 6), out -> calls(g).insert(i32(a, 0), key, i32(a, 3), mask, config, out));
        });

        // insert_wait(h, kv_error_out) -> status
        r.add(M, "insert_wait", (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).insertWait(i32(a, 0), out)));

        // delete(store, key: string, delete_config_mask, delete_configuration: ptr kv_delete_config, handle_out)
        //   -> status; the configuration has no fields the host reads
        r.add(M, "delete", (g, a) -> {
            byte[] key = g.memory().bytes(i32(a, 1), i32(a, 2));
            return g.u32Out(i32(a, 5), out -> calls(g).delete(i32(a, 0), key, i32(a, 3), null, out));
        });

        // delete_wait(h, kv_error_out) -> status
        r.add(M, "delete_wait", (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).deleteWait(i32(a, 0), out)));

        // list(store, list_config_mask, list_configuration: ptr kv_list_config, handle_out) -> status
        r.add(M, "list", (g, a) -> {
            GuestMemory mem = g.memory();
            int mask = i32(a, 1);
            int cfg = i32(a, 2);
            byte[] cursor = null;
            byte[] prefix = null;
            int limit = 0;
            if ((mask & FastlyKvStore.LIST_CURSOR) != 0) {
                cursor = text(mem, cfg, FastlyKvStore.LIST_CONFIG_OFF_CURSOR, FastlyKvStore.LIST_CONFIG_OFF_CURSOR_LEN);
            }
            if ((mask & FastlyKvStore.LIST_LIMIT) != 0) {
                limit = mem.u32(cfg + FastlyKvStore.LIST_CONFIG_OFF_LIMIT);
            }
            if ((mask & FastlyKvStore.LIST_PREFIX) != 0) {
                prefix = text(mem, cfg, FastlyKvStore.LIST_CONFIG_OFF_PREFIX, FastlyKvStore.LIST_CONFIG_OFF_PREFIX_LEN);
            }
            byte[] c = cursor;
            byte[] p = prefix;
            int l = limit;
            // the mode is not read: the host's lists are always consistent
            return g.u32Out(i32(a, 3), out -> calls(g).list(i32(a, 0), mask, 0, c, l, p, out));
        });

        // list_wait(h, body_handle_out, kv_error_out) -> status
        r.add(M, "list_wait", (g, a) -> {
            g.memory().checkU32(i32(a, 1));
            g.memory().checkU32(i32(a, 2));
            int[] body = new int[1];
            int[] error = new int[1];
            int status = calls(g).listWait(i32(a, 0), body, error);
            if (status == FastlyStatus.OK) {
                g.memory().u32(i32(a, 2), error[0]);
                if (error[0] == FastlyKvStore.KV_ERROR_OK) {
                    g.memory().u32(i32(a, 1), body[0]);
                }
            }
            return status;
        });
    }

    private static FastlyKvStore calls(Guest g) {
        return g.sandbox().kvStore();
    }

    /** The fields of a {@code kv_insert_config} the mask names (the mode is always read). */
    private static KvInsertConfig insertConfig(GuestMemory mem, int mask, int cfg) {
        KvInsertConfig c = new KvInsertConfig();
        c.mode = mem.u32(cfg + KvInsertConfig.OFF_MODE);
        if ((mask & KvInsertConfig.METADATA) != 0) {
            c.metadata = mem.bytes(
                    mem.u32(cfg + KvInsertConfig.OFF_METADATA), mem.u32(cfg + KvInsertConfig.OFF_METADATA_LEN));
        }
        if ((mask & KvInsertConfig.TIME_TO_LIVE_SEC) != 0) {
            c.timeToLiveSec = mem.u32(cfg + KvInsertConfig.OFF_TIME_TO_LIVE_SEC);
        }
        if ((mask & KvInsertConfig.IF_GENERATION_MATCH) != 0) {
            c.ifGenerationMatch = mem.u64(cfg + KvInsertConfig.OFF_IF_GENERATION_MATCH);
        }
        return c;
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
        int capped = (int) Math.min(Integer.toUnsignedLong(metaLen), METADATA_CAP);
        byte[] meta = new byte[capped];
        int[] nwritten = new int[1];
        int[] body = new int[1];
        int[] error = new int[1];
        long[] generation = new long[1];
        int status;
        if (generation64) {
            status = calls(g).lookupWaitV2(i32(a, 0), body, meta, capped, nwritten, generation, error);
        } else {
            int[] generation32 = new int[1];
            status = calls(g).lookupWait(i32(a, 0), body, meta, capped, nwritten, generation32, error);
            generation[0] = generation32[0];
        }
        if (status == FastlyStatus.BUFLEN) {
            mem.u32(nwrittenPtr, nwritten[0]);
            return status;
        }
        if (status != FastlyStatus.OK) {
            return status;
        }
        mem.u32(errorPtr, error[0]);
        if (error[0] == FastlyKvStore.KV_ERROR_OK) {
            mem.u32(bodyPtr, body[0]);
            mem.write(metaPtr, meta, 0, nwritten[0]);
            mem.u32(nwrittenPtr, nwritten[0]);
            if (generation64) {
                mem.u64(generationPtr, generation[0]);
            } else {
                mem.u32(generationPtr, (int) generation[0]);
            }
        }
        return FastlyStatus.OK;
    }

    /** A (pointer, length) text field of {@code kv_list_config}: empty (which the host refuses) for length 0. */
    private static byte[] text(GuestMemory mem, int record, int offPtr, int offLen) {
        int ptr = mem.u32(record + offPtr);
        int len = mem.u32(record + offLen);
        return len == 0 ? new byte[0] : mem.utf8Bytes(ptr, len);
    }
}
