package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.CacheLookupOptions;
import io.github.computejava.abi.CacheReplaceOptions;
import io.github.computejava.abi.CacheWriteOptions;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.cache.CacheRecords;

/**
 * {@code fastly_cache}, the core cache: option records are read out of guest memory ({@link CacheRecords}) and
 * the calls go to the sandbox's cache hostcalls, the same code the testkit's JVM door runs.
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
            CacheLookupOptions o = CacheRecords.lookupOptions(g.memory()::bytes, i32(a, 3), i32(a, 2));
            return g.u32Out(i32(a, 4), out -> g.sandbox().cacheLookup(key, i32(a, 2), o, out));
        });

        // insert(cache_key: list u8, options_mask, options: ptr cache_write_options) -> (status, body_handle)
        r.add(m, "insert", (g, a) -> {
            byte[] key = g.memory().bytes(i32(a, 0), i32(a, 1));
            CacheWriteOptions o = CacheRecords.writeOptions(g.memory()::bytes, i32(a, 3), i32(a, 2));
            return g.u32Out(i32(a, 4), out -> g.sandbox().cacheInsert(key, i32(a, 2), o, out));
        });

        // transaction_lookup(cache_key, options_mask, options) -> (status, cache_handle)
        r.add(m, "transaction_lookup", (g, a) -> {
            byte[] key = g.memory().bytes(i32(a, 0), i32(a, 1));
            CacheLookupOptions o = CacheRecords.lookupOptions(g.memory()::bytes, i32(a, 3), i32(a, 2));
            return g.u32Out(i32(a, 4), out -> g.sandbox().cacheTransactionLookup(key, i32(a, 2), o, out));
        });

        // transaction_lookup_async(cache_key, options_mask, options) -> (status, cache_busy_handle)
        r.add(m, "transaction_lookup_async", (g, a) -> {
            byte[] key = g.memory().bytes(i32(a, 0), i32(a, 1));
            CacheLookupOptions o = CacheRecords.lookupOptions(g.memory()::bytes, i32(a, 3), i32(a, 2));
            return g.u32Out(i32(a, 4), out -> g.sandbox().cacheTransactionLookupAsync(key, i32(a, 2), o, out));
        });

        // cache_busy_handle_wait(busy_handle) -> (status, cache_handle)
        r.add(
                m,
                "cache_busy_handle_wait",
                (g, a) -> g.u32Out(i32(a, 1), out -> g.sandbox().cacheBusyHandleWait(i32(a, 0), out)));

        // transaction_insert(h, options_mask, options) -> (status, body_handle)
        r.add(m, "transaction_insert", (g, a) -> {
            CacheWriteOptions o = CacheRecords.writeOptions(g.memory()::bytes, i32(a, 2), i32(a, 1));
            return g.u32Out(i32(a, 3), out -> g.sandbox().cacheTransactionInsert(i32(a, 0), i32(a, 1), o, out));
        });

        // transaction_insert_and_stream_back(h, options_mask, options) -> (status, body_handle, cache_handle)
        r.add(m, "transaction_insert_and_stream_back", (g, a) -> {
            CacheWriteOptions o = CacheRecords.writeOptions(g.memory()::bytes, i32(a, 2), i32(a, 1));
            g.memory().checkU32(i32(a, 3));
            g.memory().checkU32(i32(a, 4));
            int[] body = new int[1];
            int[] handle = new int[1];
            int status = g.sandbox().cacheTransactionInsertAndStreamBack(i32(a, 0), i32(a, 1), o, body, handle);
            if (status == FastlyStatus.OK) {
                g.memory().u32(i32(a, 3), body[0]);
                g.memory().u32(i32(a, 4), handle[0]);
            }
            return status;
        });

        // transaction_update(h, options_mask, options) -> status
        r.add(m, "transaction_update", (g, a) -> g.sandbox()
                .cacheTransactionUpdate(
                        i32(a, 0), i32(a, 1), CacheRecords.writeOptions(g.memory()::bytes, i32(a, 2), i32(a, 1))));

        // transaction_cancel(h) -> status
        r.add(m, "transaction_cancel", (g, a) -> g.sandbox().cacheTransactionCancel(i32(a, 0)));

        // close_busy(h) -> status
        r.add(m, "close_busy", (g, a) -> g.sandbox().cacheCloseBusy(i32(a, 0)));

        // close(h) -> status
        r.add(m, "close", (g, a) -> g.sandbox().cacheClose(i32(a, 0)));

        // get_state(h) -> (status, cache_lookup_state)
        r.add(m, "get_state", (g, a) -> g.u32Out(i32(a, 1), out -> g.sandbox().cacheGetState(i32(a, 0), out)));

        // get_user_metadata(h, out_ptr, out_len, nwritten_out) -> status
        r.add(
                m,
                "get_user_metadata",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> g.sandbox()
                        .cacheGetUserMetadata(i32(a, 0), buf, len, n)));

        // get_body(h, options_mask, options: cache_get_body_options) -> (status, body_handle)
        r.add(m, "get_body", (g, a) -> {
            byte[] options = CacheRecords.getBodyOptions(g.memory()::bytes, i32(a, 2));
            return g.u32Out(i32(a, 3), out -> g.sandbox().cacheGetBody(i32(a, 0), i32(a, 1), options, out));
        });

        // get_length / get_max_age_ns / get_stale_while_revalidate_ns / get_age_ns / get_hits (h) -> (status, u64)
        u64(r, m, "get_length", (g, h, out) -> g.sandbox().cacheGetLength(h, out));
        u64(r, m, "get_max_age_ns", (g, h, out) -> g.sandbox().cacheGetMaxAgeNs(h, out));
        u64(r, m, "get_stale_while_revalidate_ns", (g, h, out) -> g.sandbox().cacheGetStaleWhileRevalidateNs(h, out));
        u64(r, m, "get_age_ns", (g, h, out) -> g.sandbox().cacheGetAgeNs(h, out));
        u64(r, m, "get_hits", (g, h, out) -> g.sandbox().cacheGetHits(h, out));

        // replace(cache_key, options_mask, options: ptr cache_replace_options) -> (status, cache_replace_handle)
        r.add(m, "replace", (g, a) -> {
            byte[] key = g.memory().bytes(i32(a, 0), i32(a, 1));
            CacheReplaceOptions o = CacheRecords.replaceOptions(g.memory()::bytes, i32(a, 3), i32(a, 2));
            return g.u32Out(i32(a, 4), out -> g.sandbox().cacheReplace(key, i32(a, 2), o, out));
        });

        // replace_insert(h, options_mask, options: ptr cache_write_options) -> (status, body_handle)
        r.add(m, "replace_insert", (g, a) -> {
            CacheWriteOptions o = CacheRecords.writeOptions(g.memory()::bytes, i32(a, 2), i32(a, 1));
            return g.u32Out(i32(a, 3), out -> g.sandbox().cacheReplaceInsert(i32(a, 0), i32(a, 1), o, out));
        });

        // replace_get_state(h) -> (status, cache_lookup_state)
        r.add(
                m,
                "replace_get_state",
                (g, a) -> g.u32Out(i32(a, 1), out -> g.sandbox().cacheReplaceGetState(i32(a, 0), out)));

        // replace_get_user_metadata(h, out_ptr, out_len, nwritten_out) -> status
        r.add(
                m,
                "replace_get_user_metadata",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> g.sandbox()
                        .cacheReplaceGetUserMetadata(i32(a, 0), buf, len, n)));

        // replace_get_body(h, options_mask, options: cache_get_body_options) -> (status, body_handle)
        r.add(m, "replace_get_body", (g, a) -> {
            byte[] options = CacheRecords.getBodyOptions(g.memory()::bytes, i32(a, 2));
            return g.u32Out(i32(a, 3), out -> g.sandbox().cacheReplaceGetBody(i32(a, 0), i32(a, 1), options, out));
        });

        u64(r, m, "replace_get_age_ns", (g, h, out) -> g.sandbox().cacheReplaceGetAgeNs(h, out));
        u64(r, m, "replace_get_hits", (g, h, out) -> g.sandbox().cacheReplaceGetHits(h, out));
        u64(r, m, "replace_get_length", (g, h, out) -> g.sandbox().cacheReplaceGetLength(h, out));
        u64(r, m, "replace_get_max_age_ns", (g, h, out) -> g.sandbox().cacheReplaceGetMaxAgeNs(h, out));
        u64(r, m, "replace_get_stale_while_revalidate_ns", (g, h, out) -> g.sandbox()
                .cacheReplaceGetStaleWhileRevalidateNs(h, out));
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
}
