package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.CacheLookupOptions;
import io.github.computejava.abi.CacheReplaceOptions;
import io.github.computejava.abi.CacheWriteOptions;
import io.github.computejava.abi.FastlyCache;
import io.github.computejava.abi.FastlyStatus;

/**
 * {@code fastly_cache}, the core cache: option records are read out of guest memory in the witx layout (pointer
 * fields followed only when the call's mask says the field counts, so garbage in unused fields never faults) and
 * the calls go to the sandbox's {@code fastly_cache}, the same code the testkit's JVM door runs.
 */
final class CacheImports implements ImportGroup {
    /** A getter of one u64 by handle. */
    private interface U64Call {
        int call(Guest guest, int handle, long[] out);
    }

    @Override
    public void register(Registrar r) {
        String m = "fastly_cache";

        // lookup(cache_key: list u8, options_mask, options: ptr cache_lookup_options) -> (status, cache_handle)
        r.add(m, "lookup", (g, a) -> {
            byte[] key = g.memory().bytes(i32(a, 0), i32(a, 1));
            CacheLookupOptions o = lookupOptions(g.memory(), i32(a, 3), i32(a, 2));
            return g.u32Out(i32(a, 4), out -> g.sandbox().cache().lookup(key, i32(a, 2), o, out));
        });

        // insert(cache_key: list u8, options_mask, options: ptr cache_write_options) -> (status, body_handle)
        r.add(m, "insert", (g, a) -> {
            byte[] key = g.memory().bytes(i32(a, 0), i32(a, 1));
            CacheWriteOptions o = writeOptions(g.memory(), i32(a, 3), i32(a, 2));
            return g.u32Out(i32(a, 4), out -> g.sandbox().cache().insert(key, i32(a, 2), o, out));
        });

        // transaction_lookup(cache_key, options_mask, options) -> (status, cache_handle)
        r.add(m, "transaction_lookup", (g, a) -> {
            byte[] key = g.memory().bytes(i32(a, 0), i32(a, 1));
            CacheLookupOptions o = lookupOptions(g.memory(), i32(a, 3), i32(a, 2));
            return g.u32Out(i32(a, 4), out -> g.sandbox().cache().transactionLookup(key, i32(a, 2), o, out));
        });

        // transaction_lookup_async(cache_key, options_mask, options) -> (status, cache_busy_handle)
        r.add(m, "transaction_lookup_async", (g, a) -> {
            byte[] key = g.memory().bytes(i32(a, 0), i32(a, 1));
            CacheLookupOptions o = lookupOptions(g.memory(), i32(a, 3), i32(a, 2));
            return g.u32Out(i32(a, 4), out -> g.sandbox().cache().transactionLookupAsync(key, i32(a, 2), o, out));
        });

        // cache_busy_handle_wait(busy_handle) -> (status, cache_handle)
        r.add(
                m,
                "cache_busy_handle_wait",
                (g, a) -> g.u32Out(i32(a, 1), out -> g.sandbox().cache().cacheBusyHandleWait(i32(a, 0), out)));

        // transaction_insert(h, options_mask, options) -> (status, body_handle)
        r.add(m, "transaction_insert", (g, a) -> {
            CacheWriteOptions o = writeOptions(g.memory(), i32(a, 2), i32(a, 1));
            return g.u32Out(i32(a, 3), out -> g.sandbox().cache().transactionInsert(i32(a, 0), i32(a, 1), o, out));
        });

        // transaction_insert_and_stream_back(h, options_mask, options) -> (status, body_handle, cache_handle)
        r.add(m, "transaction_insert_and_stream_back", (g, a) -> {
            CacheWriteOptions o = writeOptions(g.memory(), i32(a, 2), i32(a, 1));
            g.memory().checkU32(i32(a, 3));
            g.memory().checkU32(i32(a, 4));
            int[] body = new int[1];
            int[] handle = new int[1];
            int status = g.sandbox().cache().transactionInsertAndStreamBack(i32(a, 0), i32(a, 1), o, body, handle);
            if (status == FastlyStatus.OK) {
                g.memory().u32(i32(a, 3), body[0]);
                g.memory().u32(i32(a, 4), handle[0]);
            }
            return status;
        });

        // transaction_update(h, options_mask, options) -> status
        r.add(m, "transaction_update", (g, a) -> g.sandbox()
                .cache()
                .transactionUpdate(i32(a, 0), i32(a, 1), writeOptions(g.memory(), i32(a, 2), i32(a, 1))));

        // transaction_cancel(h) -> status
        r.add(m, "transaction_cancel", (g, a) -> g.sandbox().cache().transactionCancel(i32(a, 0)));

        // close_busy(h) -> status
        r.add(m, "close_busy", (g, a) -> g.sandbox().cache().closeBusy(i32(a, 0)));

        // close(h) -> status
        r.add(m, "close", (g, a) -> g.sandbox().cache().close(i32(a, 0)));

        // get_state(h) -> (status, cache_lookup_state)
        r.add(
                m,
                "get_state",
                (g, a) -> g.u32Out(i32(a, 1), out -> g.sandbox().cache().getState(i32(a, 0), out)));

        // get_user_metadata(h, out_ptr, out_len, nwritten_out) -> status
        r.add(
                m,
                "get_user_metadata",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> g.sandbox()
                        .cache()
                        .getUserMetadata(i32(a, 0), buf, len, n)));

        // get_body(h, options_mask, options: cache_get_body_options) -> (status, body_handle)
        r.add(m, "get_body", (g, a) -> {
            byte[] options = getBodyOptions(g.memory(), i32(a, 2));
            return g.u32Out(i32(a, 3), out -> g.sandbox().cache().getBody(i32(a, 0), i32(a, 1), options, out));
        });

        // get_length / get_max_age_ns / get_stale_while_revalidate_ns / get_age_ns / get_hits (h) -> (status, u64)
        u64(r, m, "get_length", (g, h, out) -> g.sandbox().cache().getLength(h, out));
        u64(r, m, "get_max_age_ns", (g, h, out) -> g.sandbox().cache().getMaxAgeNs(h, out));
        u64(r, m, "get_stale_while_revalidate_ns", (g, h, out) -> g.sandbox()
                .cache()
                .getStaleWhileRevalidateNs(h, out));
        u64(r, m, "get_age_ns", (g, h, out) -> g.sandbox().cache().getAgeNs(h, out));
        u64(r, m, "get_hits", (g, h, out) -> g.sandbox().cache().getHits(h, out));

        // replace(cache_key, options_mask, options: ptr cache_replace_options) -> (status, cache_replace_handle)
        r.add(m, "replace", (g, a) -> {
            byte[] key = g.memory().bytes(i32(a, 0), i32(a, 1));
            CacheReplaceOptions o = replaceOptions(g.memory(), i32(a, 3), i32(a, 2));
            return g.u32Out(i32(a, 4), out -> g.sandbox().cache().replace(key, i32(a, 2), o, out));
        });

        // replace_insert(h, options_mask, options: ptr cache_write_options) -> (status, body_handle)
        r.add(m, "replace_insert", (g, a) -> {
            CacheWriteOptions o = writeOptions(g.memory(), i32(a, 2), i32(a, 1));
            return g.u32Out(i32(a, 3), out -> g.sandbox().cache().replaceInsert(i32(a, 0), i32(a, 1), o, out));
        });

        // replace_get_state(h) -> (status, cache_lookup_state)
        r.add(
                m,
                "replace_get_state",
                (g, a) -> g.u32Out(i32(a, 1), out -> g.sandbox().cache().replaceGetState(i32(a, 0), out)));

        // replace_get_user_metadata(h, out_ptr, out_len, nwritten_out) -> status
        r.add(
                m,
                "replace_get_user_metadata",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> g.sandbox()
                        .cache()
                        .replaceGetUserMetadata(i32(a, 0), buf, len, n)));

        // replace_get_body(h, options_mask, options: cache_get_body_options) -> (status, body_handle)
        r.add(m, "replace_get_body", (g, a) -> {
            byte[] options = getBodyOptions(g.memory(), i32(a, 2));
            return g.u32Out(i32(a, 3), out -> g.sandbox().cache().replaceGetBody(i32(a, 0), i32(a, 1), options, out));
        });

        u64(r, m, "replace_get_age_ns", (g, h, out) -> g.sandbox().cache().replaceGetAgeNs(h, out));
        u64(r, m, "replace_get_hits", (g, h, out) -> g.sandbox().cache().replaceGetHits(h, out));
        u64(r, m, "replace_get_length", (g, h, out) -> g.sandbox().cache().replaceGetLength(h, out));
        u64(r, m, "replace_get_max_age_ns", (g, h, out) -> g.sandbox().cache().replaceGetMaxAgeNs(h, out));
        u64(r, m, "replace_get_stale_while_revalidate_ns", (g, h, out) -> g.sandbox()
                .cache()
                .replaceGetStaleWhileRevalidateNs(h, out));
    }

    private static void u64(Registrar r, String module, String name, U64Call call) {
        r.add(module, name, (g, a) -> {
            g.memory().checkU64(i32(a, 1));
            long[] out = new long[1];
            int status = call.call(g, i32(a, 0), out);
            if (status == FastlyStatus.OK) {
                g.memory().u64(i32(a, 1), out[0]);
            }
            return status;
        });
    }

    /** {@code cache_lookup_options}: the request handle, and the service id when the mask names it. */
    static CacheLookupOptions lookupOptions(GuestMemory mem, int ptr, int mask) {
        CacheLookupOptions o = new CacheLookupOptions();
        if (mask == 0) {
            return o;
        }
        byte[] r = mem.bytes(ptr, CacheLookupOptions.SIZE);
        o.requestHeaders = GuestMemory.u32(r, CacheLookupOptions.OFF_REQUEST_HEADERS);
        if ((mask & CacheLookupOptions.MASK_SERVICE_ID) != 0) {
            o.serviceId = bytes(mem, r, CacheLookupOptions.OFF_SERVICE_ID, CacheLookupOptions.OFF_SERVICE_ID_LEN);
        }
        return o;
    }

    /** {@code cache_write_options}: every scalar field, and the pointer fields the mask names. */
    static CacheWriteOptions writeOptions(GuestMemory mem, int ptr, int mask) {
        byte[] r = mem.bytes(ptr, CacheWriteOptions.SIZE);
        CacheWriteOptions o = new CacheWriteOptions();
        o.maxAgeNs = GuestMemory.u64(r, CacheWriteOptions.OFF_MAX_AGE_NS);
        o.requestHeaders = GuestMemory.u32(r, CacheWriteOptions.OFF_REQUEST_HEADERS);
        if ((mask & CacheWriteOptions.MASK_VARY_RULE) != 0) {
            o.varyRule = bytes(mem, r, CacheWriteOptions.OFF_VARY_RULE, CacheWriteOptions.OFF_VARY_RULE_LEN);
        }
        o.initialAgeNs = GuestMemory.u64(r, CacheWriteOptions.OFF_INITIAL_AGE_NS);
        o.staleWhileRevalidateNs = GuestMemory.u64(r, CacheWriteOptions.OFF_STALE_WHILE_REVALIDATE_NS);
        if ((mask & CacheWriteOptions.MASK_SURROGATE_KEYS) != 0) {
            o.surrogateKeys =
                    bytes(mem, r, CacheWriteOptions.OFF_SURROGATE_KEYS, CacheWriteOptions.OFF_SURROGATE_KEYS_LEN);
        }
        o.length = GuestMemory.u64(r, CacheWriteOptions.OFF_LENGTH);
        if ((mask & CacheWriteOptions.MASK_USER_METADATA) != 0) {
            o.userMetadata =
                    bytes(mem, r, CacheWriteOptions.OFF_USER_METADATA, CacheWriteOptions.OFF_USER_METADATA_LEN);
        }
        o.edgeMaxAgeNs = GuestMemory.u64(r, CacheWriteOptions.OFF_EDGE_MAX_AGE_NS);
        if ((mask & CacheWriteOptions.MASK_SERVICE_ID) != 0) {
            o.serviceId = bytes(mem, r, CacheWriteOptions.OFF_SERVICE_ID, CacheWriteOptions.OFF_SERVICE_ID_LEN);
        }
        return o;
    }

    /** {@code cache_replace_options}: the request handle and strategy, and the service id when the mask names it. */
    static CacheReplaceOptions replaceOptions(GuestMemory mem, int ptr, int mask) {
        CacheReplaceOptions o = new CacheReplaceOptions();
        if (mask == 0) {
            return o;
        }
        byte[] r = mem.bytes(ptr, CacheReplaceOptions.SIZE);
        o.requestHeaders = GuestMemory.u32(r, CacheReplaceOptions.OFF_REQUEST_HEADERS);
        o.replaceStrategy = GuestMemory.u32(r, CacheReplaceOptions.OFF_REPLACE_STRATEGY);
        if ((mask & CacheReplaceOptions.MASK_SERVICE_ID) != 0) {
            o.serviceId = bytes(mem, r, CacheReplaceOptions.OFF_SERVICE_ID, CacheReplaceOptions.OFF_SERVICE_ID_LEN);
        }
        return o;
    }

    /** {@code cache_get_body_options}, as the {@code byte[]} the hostcall takes. */
    static byte[] getBodyOptions(GuestMemory mem, int ptr) {
        return mem.bytes(ptr, FastlyCache.GET_BODY_OPTIONS_SIZE);
    }

    /** The bytes a (pointer, length) field pair of the record {@code r} points to. */
    private static byte[] bytes(GuestMemory mem, byte[] r, int offPtr, int offLen) {
        return mem.bytes(GuestMemory.u32(r, offPtr), GuestMemory.u32(r, offLen));
    }
}
