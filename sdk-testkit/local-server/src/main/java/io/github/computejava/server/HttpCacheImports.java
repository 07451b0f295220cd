package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.HttpCacheLookupOptions;
import io.github.computejava.abi.HttpCacheWriteOptions;
import io.github.computejava.host.Sandbox;

/**
 * {@code fastly_http_cache}, the program-driven HTTP (readthrough) cache: the guest's records are read from its
 * memory into {@link HttpCacheLookupOptions}/{@link HttpCacheWriteOptions} and the calls go to the sandbox, which
 * runs them on the engine's readthrough cache (shared with {@code send}).
 */
final class HttpCacheImports implements ImportGroup {
    private static final String M = "fastly_http_cache";

    @Override
    public void register(Registrar r) {
        // is_request_cacheable(req) -> (status, is_cacheable u32)
        r.add(
                M,
                "is_request_cacheable",
                (g, a) -> g.u32Out(i32(a, 1), out -> g.sandbox().httpCacheIsRequestCacheable(i32(a, 0), out)));

        // get_suggested_cache_key(req, key_out, key_out_len, nwritten_out) -> status
        r.add(
                M,
                "get_suggested_cache_key",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, nw) -> g.sandbox()
                        .httpCacheGetSuggestedCacheKey(i32(a, 0), buf, len, nw)));

        // lookup(req, options_mask, options: ptr) -> (status, http_cache_handle)
        r.add(M, "lookup", (g, a) -> {
            HttpCacheLookupOptions o = lookupOptions(g, i32(a, 1), i32(a, 2));
            return g.u32Out(i32(a, 3), out -> g.sandbox().httpCacheLookup(i32(a, 0), i32(a, 1), o, out));
        });

        // transaction_lookup(req, options_mask, options: ptr) -> (status, http_cache_handle)
        r.add(M, "transaction_lookup", (g, a) -> {
            HttpCacheLookupOptions o = lookupOptions(g, i32(a, 1), i32(a, 2));
            return g.u32Out(i32(a, 3), out -> g.sandbox().httpCacheTransactionLookup(i32(a, 0), i32(a, 1), o, out));
        });

        // transaction_insert(h, resp, options_mask, options: ptr) -> (status, body_handle)
        r.add(M, "transaction_insert", (g, a) -> {
            HttpCacheWriteOptions o = writeOptions(g, i32(a, 2), i32(a, 3));
            return g.u32Out(
                    i32(a, 4), out -> g.sandbox().httpCacheTransactionInsert(i32(a, 0), i32(a, 1), i32(a, 2), o, out));
        });

        // transaction_insert_and_stream_back(h, resp, options_mask, options) -> (status, body, http_cache_handle)
        r.add(M, "transaction_insert_and_stream_back", (g, a) -> {
            HttpCacheWriteOptions o = writeOptions(g, i32(a, 2), i32(a, 3));
            g.memory().checkU32(i32(a, 4));
            g.memory().checkU32(i32(a, 5));
            int[] body = new int[1];
            int[] handle = new int[1];
            int status = g.sandbox()
                    .httpCacheTransactionInsertAndStreamBack(i32(a, 0), i32(a, 1), i32(a, 2), o, body, handle);
            if (status == FastlyStatus.OK) {
                g.memory().u32(i32(a, 4), body[0]);
                g.memory().u32(i32(a, 5), handle[0]);
            }
            return status;
        });

        // transaction_update(h, resp, options_mask, options) -> status
        r.add(M, "transaction_update", (g, a) -> {
            HttpCacheWriteOptions o = writeOptions(g, i32(a, 2), i32(a, 3));
            return g.sandbox().httpCacheTransactionUpdate(i32(a, 0), i32(a, 1), i32(a, 2), o);
        });

        // transaction_update_and_return_fresh(h, resp, options_mask, options) -> (status, http_cache_handle)
        r.add(M, "transaction_update_and_return_fresh", (g, a) -> {
            HttpCacheWriteOptions o = writeOptions(g, i32(a, 2), i32(a, 3));
            return g.u32Out(i32(a, 4), out -> g.sandbox()
                    .httpCacheTransactionUpdateAndReturnFresh(i32(a, 0), i32(a, 1), i32(a, 2), o, out));
        });

        // transaction_choose_stale(h) -> status
        r.add(M, "transaction_choose_stale", (g, a) -> g.sandbox().httpCacheTransactionChooseStale(i32(a, 0)));

        // transaction_record_not_cacheable(h, options_mask, options) -> status
        r.add(M, "transaction_record_not_cacheable", (g, a) -> {
            HttpCacheWriteOptions o = writeOptions(g, i32(a, 1), i32(a, 2));
            return g.sandbox().httpCacheTransactionRecordNotCacheable(i32(a, 0), i32(a, 1), o);
        });

        // transaction_abandon(h) -> status
        r.add(M, "transaction_abandon", (g, a) -> g.sandbox().httpCacheTransactionAbandon(i32(a, 0)));

        // close(h) -> status
        r.add(M, "close", (g, a) -> g.sandbox().httpCacheClose(i32(a, 0)));

        // get_suggested_backend_request(h) -> (status, request_handle)
        r.add(
                M,
                "get_suggested_backend_request",
                (g, a) -> g.u32Out(i32(a, 1), out -> g.sandbox().httpCacheGetSuggestedBackendRequest(i32(a, 0), out)));

        // get_suggested_cache_options(h, resp, options_mask, options, options_mask_out, options_out) -> status
        r.add(M, "get_suggested_cache_options", HttpCacheImports::suggestedCacheOptions);

        // prepare_response_for_storage(h, resp) -> (status, http_storage_action, response_handle)
        r.add(M, "prepare_response_for_storage", (g, a) -> {
            g.memory().checkU32(i32(a, 2));
            g.memory().checkU32(i32(a, 3));
            int[] action = new int[1];
            int[] resp = new int[1];
            int status = g.sandbox().httpCachePrepareResponseForStorage(i32(a, 0), i32(a, 1), action, resp);
            if (status == FastlyStatus.OK) {
                g.memory().u32(i32(a, 2), action[0]);
                g.memory().u32(i32(a, 3), resp[0]);
            }
            return status;
        });

        // get_found_response(h, transform_for_client: u32) -> (status, response_handle, body_handle)
        r.add(M, "get_found_response", (g, a) -> {
            g.memory().checkU32(i32(a, 2));
            g.memory().checkU32(i32(a, 3));
            int[] resp = new int[1];
            int[] body = new int[1];
            int status = g.sandbox().httpCacheGetFoundResponse(i32(a, 0), i32(a, 1), resp, body);
            if (status == FastlyStatus.OK) {
                g.memory().u32(i32(a, 2), resp[0]);
                g.memory().u32(i32(a, 3), body[0]);
            }
            return status;
        });

        // get_state(h) -> (status, cache_lookup_state)
        r.add(M, "get_state", (g, a) -> g.u32Out(i32(a, 1), out -> g.sandbox().httpCacheGetState(i32(a, 0), out)));

        // get_length(h) -> (status, cache_object_length u64)
        r.add(M, "get_length", (g, a) -> g.u64Out(i32(a, 1), out -> g.sandbox().httpCacheGetLength(i32(a, 0), out)));

        // get_max_age_ns(h) -> (status, cache_duration_ns u64)
        r.add(
                M,
                "get_max_age_ns",
                (g, a) -> g.u64Out(i32(a, 1), out -> g.sandbox().httpCacheGetMaxAgeNs(i32(a, 0), out)));

        // get_stale_while_revalidate_ns(h) -> (status, cache_duration_ns u64)
        r.add(
                M,
                "get_stale_while_revalidate_ns",
                (g, a) -> g.u64Out(i32(a, 1), out -> g.sandbox().httpCacheGetStaleWhileRevalidateNs(i32(a, 0), out)));

        // get_stale_if_error_ns(h) -> (status, cache_duration_ns u64)
        r.add(
                M,
                "get_stale_if_error_ns",
                (g, a) -> g.u64Out(i32(a, 1), out -> g.sandbox().httpCacheGetStaleIfErrorNs(i32(a, 0), out)));

        // get_age_ns(h) -> (status, cache_duration_ns u64)
        r.add(M, "get_age_ns", (g, a) -> g.u64Out(i32(a, 1), out -> g.sandbox().httpCacheGetAgeNs(i32(a, 0), out)));

        // get_hits(h) -> (status, cache_hit_count u64)
        r.add(M, "get_hits", (g, a) -> g.u64Out(i32(a, 1), out -> g.sandbox().httpCacheGetHits(i32(a, 0), out)));

        // get_sensitive_data(h) -> (status, is_sensitive u32)
        r.add(
                M,
                "get_sensitive_data",
                (g, a) -> g.u32Out(i32(a, 1), out -> g.sandbox().httpCacheGetSensitiveData(i32(a, 0), out)));

        // get_surrogate_keys(h, out, out_len, nwritten_out) -> status
        r.add(
                M,
                "get_surrogate_keys",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, nw) -> g.sandbox()
                        .httpCacheGetSurrogateKeys(i32(a, 0), buf, len, nw)));

        // get_vary_rule(h, out, out_len, nwritten_out) -> status
        r.add(
                M,
                "get_vary_rule",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, nw) -> g.sandbox()
                        .httpCacheGetVaryRule(i32(a, 0), buf, len, nw)));
    }

    /** Reads an {@code http_cache_lookup_options} record: only the fields the mask names. */
    static HttpCacheLookupOptions lookupOptions(Guest g, int mask, int ptr) {
        HttpCacheLookupOptions o = new HttpCacheLookupOptions();
        if ((mask & (HttpCacheLookupOptions.OVERRIDE_KEY | HttpCacheLookupOptions.BACKEND_NAME)) == 0) {
            return o;
        }
        GuestMemory m = g.memory();
        int[] record = m.u32s(ptr, HttpCacheLookupOptions.SIZE / 4);
        if ((mask & HttpCacheLookupOptions.OVERRIDE_KEY) != 0) {
            o.overrideKey = m.bytes(record[0], record[1]);
        }
        if ((mask & HttpCacheLookupOptions.BACKEND_NAME) != 0) {
            o.backendName = m.bytes(record[2], record[3]);
        }
        return o;
    }

    /** Reads an {@code http_cache_write_options} record: the max age and the fields the mask names. */
    static HttpCacheWriteOptions writeOptions(Guest g, int mask, int ptr) {
        GuestMemory m = g.memory();
        m.check(ptr, HttpCacheWriteOptions.SIZE);
        HttpCacheWriteOptions o = new HttpCacheWriteOptions();
        o.maxAgeNs = m.u64(ptr);
        if ((mask & HttpCacheWriteOptions.VARY_RULE) != 0) {
            o.varyRuleLen = m.u32(ptr + 12);
            o.varyRule = m.bytes(m.u32(ptr + 8), o.varyRuleLen);
        }
        if ((mask & HttpCacheWriteOptions.INITIAL_AGE_NS) != 0) {
            o.initialAgeNs = m.u64(ptr + 16);
        }
        if ((mask & HttpCacheWriteOptions.STALE_WHILE_REVALIDATE_NS) != 0) {
            o.staleWhileRevalidateNs = m.u64(ptr + 24);
        }
        if ((mask & HttpCacheWriteOptions.SURROGATE_KEYS) != 0) {
            o.surrogateKeysLen = m.u32(ptr + 36);
            o.surrogateKeys = m.bytes(m.u32(ptr + 32), o.surrogateKeysLen);
        }
        if ((mask & HttpCacheWriteOptions.LENGTH) != 0) {
            o.length = m.u64(ptr + 40);
        }
        if ((mask & HttpCacheWriteOptions.STALE_IF_ERROR_NS) != 0) {
            o.staleIfErrorNs = m.u64(ptr + 48);
        }
        return o;
    }

    /**
     * {@code get_suggested_cache_options}: the guest gives its output buffers (vary rule, surrogate keys) in the
     * input record; the host writes the output record, pointing into those buffers, and the output mask.
     */
    private static int suggestedCacheOptions(Guest g, long[] a) {
        int handle = i32(a, 0);
        int resp = i32(a, 1);
        int mask = i32(a, 2);
        int inPtr = i32(a, 3);
        int maskOutPtr = i32(a, 4);
        int outPtr = i32(a, 5);
        GuestMemory m = g.memory();
        m.check(inPtr, HttpCacheWriteOptions.SIZE);
        m.checkU64(outPtr);
        m.check(outPtr, HttpCacheWriteOptions.SIZE);
        m.checkU32(maskOutPtr);
        int varyPtr = 0;
        int keysPtr = 0;
        HttpCacheWriteOptions in = new HttpCacheWriteOptions();
        if ((mask & HttpCacheWriteOptions.VARY_RULE) != 0) {
            varyPtr = m.u32(inPtr + 8);
            in.varyRuleLen = m.u32(inPtr + 12);
            m.check(varyPtr, in.varyRuleLen);
            in.varyRule = new byte[capacity(in.varyRuleLen)];
            in.varyRuleLen = in.varyRule.length;
        }
        if ((mask & HttpCacheWriteOptions.SURROGATE_KEYS) != 0) {
            keysPtr = m.u32(inPtr + 32);
            in.surrogateKeysLen = m.u32(inPtr + 36);
            m.check(keysPtr, in.surrogateKeysLen);
            in.surrogateKeys = new byte[capacity(in.surrogateKeysLen)];
            in.surrogateKeysLen = in.surrogateKeys.length;
        }
        HttpCacheWriteOptions out = new HttpCacheWriteOptions();
        int[] maskOut = new int[1];
        Sandbox sandbox = g.sandbox();
        int status = sandbox.httpCacheGetSuggestedCacheOptions(handle, resp, mask, in, maskOut, out);
        if (status != FastlyStatus.OK && status != FastlyStatus.BUFLEN) {
            return status;
        }
        if (status == FastlyStatus.OK) {
            if ((maskOut[0] & HttpCacheWriteOptions.VARY_RULE) != 0) {
                m.write(varyPtr, out.varyRule, 0, out.varyRuleLen);
            }
            if ((maskOut[0] & HttpCacheWriteOptions.SURROGATE_KEYS) != 0) {
                m.write(keysPtr, out.surrogateKeys, 0, out.surrogateKeysLen);
            }
        }
        m.u64(outPtr, out.maxAgeNs);
        m.u32(outPtr + 8, (maskOut[0] & HttpCacheWriteOptions.VARY_RULE) != 0 ? varyPtr : 0);
        m.u32(outPtr + 12, out.varyRuleLen);
        m.u64(outPtr + 16, out.initialAgeNs);
        m.u64(outPtr + 24, out.staleWhileRevalidateNs);
        m.u32(outPtr + 32, (maskOut[0] & HttpCacheWriteOptions.SURROGATE_KEYS) != 0 ? keysPtr : 0);
        m.u32(outPtr + 36, out.surrogateKeysLen);
        m.u64(outPtr + 40, out.length);
        m.u64(outPtr + 48, out.staleIfErrorNs);
        m.u32(maskOutPtr, maskOut[0]);
        return status;
    }

    /** A host-side copy of a guest output buffer, capped (the host asks for more with {@code buflen}). */
    private static int capacity(int guestLen) {
        return (int) Math.min(Integer.toUnsignedLong(guestLen), 1 << 20);
    }
}
