package io.github.computejava.host;

import io.github.computejava.abi.CacheLookupState;
import io.github.computejava.abi.FastlyHttpCache;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.HttpCacheLookupOptions;
import io.github.computejava.abi.HttpCacheWriteOptions;
import io.github.computejava.host.Sandbox.HostRequest;
import io.github.computejava.host.Sandbox.HostResponse;
import io.github.computejava.host.cache.CacheLimitException;
import io.github.computejava.host.cache.CacheLookup;
import io.github.computejava.host.cache.CacheNamespace;
import io.github.computejava.host.cache.CachedObject;
import io.github.computejava.host.cache.ObjectWriter;
import io.github.computejava.host.cache.Obligation;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.CacheOverride;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.ResponseHead;
import io.github.computejava.host.http.UpstreamResponse;
import io.github.computejava.host.readthrough.CacheKeys;
import io.github.computejava.host.readthrough.CachePolicy;
import io.github.computejava.host.readthrough.Freshness;
import io.github.computejava.host.readthrough.ReadthroughCache;
import io.github.computejava.host.readthrough.StorageAction;
import io.github.computejava.host.readthrough.StoredResponse;
import io.github.computejava.host.readthrough.VaryHeader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code fastly_http_cache} hostcalls of one sandbox: Fastly's readthrough cache driven by the program, over
 * the engine's {@link ReadthroughCache}, so objects are shared with the host's one-call send. Handles live in the
 * sandbox's table; a guest mistake is a status, never an exception.
 *
 * <p>States follow the witx: {@code found}/{@code usable} for a fresh response or a stale one within its
 * stale-while-revalidate period, the only responses {@code get_found_response} returns; {@code found}/{@code
 * stale} without {@code usable} for an expired response kept for revalidation (the witx: "a cached object was
 * found", and {@code usable} "implies found"); {@code usable_if_error} when that one may stand in
 * for a failing backend; {@code must_insert_or_update} for the
 * lookup chosen to fetch. A hit-for-pass object gives none of them: the program sends the request as it is.
 *
 * <p>{@code get_found_response} with {@code transform_for_client} answers the looked-up request as the one-call send
 * does ({@link ReadthroughCache#answer}: a 304, a 206 or a 416 when its conditional or range headers ask for it).
 * A 304 from the backend is prepared for storage as the stored response with its headers as first stored, its
 * freshness (what {@code get_suggested_cache_options} suggests) taken from the 304.
 */
final class HttpCacheHost implements FastlyHttpCache {
    private static final int LOOKUP_MASK =
            HttpCacheLookupOptions.RESERVED | HttpCacheLookupOptions.OVERRIDE_KEY | HttpCacheLookupOptions.BACKEND_NAME;

    private final ReadthroughCache cache;
    private final HandleTable handles;
    private final Set<HttpCacheHandle> open = new LinkedHashSet<>();

    HttpCacheHost(ReadthroughCache cache, HandleTable handles) {
        this.cache = cache;
        this.handles = handles;
    }

    /** An {@code http_cache_handle}: a lookup's outcome and what the program did with it since. */
    static final class HttpCacheHandle implements AsyncItem {
        final RequestHead request;
        CachedObject found;
        StoredResponse foundMeta;
        boolean stale;
        long hits;
        Obligation obligation;
        CachedObject existing;
        StoredResponse existingMeta;
        boolean staleChosen;

        HttpCacheHandle(RequestHead request) {
            this.request = request;
        }

        CachedObject object() {
            return found != null ? found : existing;
        }

        /** The lookup completed (waiting on another's obligation if need be) before the handle was returned. */
        @Override
        public boolean isReady() {
            return true;
        }

        StoredResponse meta() {
            return found != null ? foundMeta : existingMeta;
        }
    }

    /** Ends the sandbox's work: obligations still held pass to the next waiter. */
    void finish() {
        for (HttpCacheHandle h : new ArrayList<>(open)) {
            release(h);
        }
        open.clear();
    }

    // ---- requests

    @Override
    public int isRequestCacheable(int req, int[] out) {
        HostRequest r = handles.get(req, HostRequest.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        out[0] = CachePolicy.isRequestCacheable(r.head.method()) ? 1 : 0;
        return FastlyStatus.OK;
    }

    @Override
    public int getSuggestedCacheKey(int req, byte[] buf, int len, int[] nwrittenOut) {
        HostRequest r = handles.get(req, HostRequest.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        try {
            return Buffers.single(ReadthroughCache.key(r.head), buf, len, nwrittenOut);
        } catch (IllegalArgumentException e) {
            return FastlyStatus.INVAL;
        }
    }

    // ---- lookups

    @Override
    public int lookup(int req, int mask, HttpCacheLookupOptions options, int[] handleOut) {
        if (handles.full()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        return lookup(req, mask, options, handleOut, false);
    }

    @Override
    public int transactionLookup(int req, int mask, HttpCacheLookupOptions options, int[] handleOut) {
        return lookup(req, mask, options, handleOut, true);
    }

    private int lookup(int req, int mask, HttpCacheLookupOptions options, int[] handleOut, boolean transaction) {
        HostRequest r = handles.get(req, HostRequest.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        if ((mask & ~LOOKUP_MASK) != 0 || (mask != 0 && options == null)) {
            return FastlyStatus.INVAL;
        }
        byte[] key;
        if ((mask & HttpCacheLookupOptions.OVERRIDE_KEY) != 0) {
            if (options.overrideKey == null || options.overrideKey.length != CacheKeys.KEY_LENGTH) {
                return FastlyStatus.INVAL;
            }
            key = options.overrideKey.clone();
        } else {
            try {
                key = ReadthroughCache.key(r.head);
            } catch (IllegalArgumentException e) {
                return FastlyStatus.INVAL;
            }
        }
        RequestHead request = r.head.copy();
        CacheLookup lookup;
        if (transaction) {
            try {
                lookup = cache.store().transactionLookup(CacheNamespace.READTHROUGH, key, request.headers());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return FastlyStatus.ERROR;
            }
        } else {
            lookup = cache.store().lookup(CacheNamespace.READTHROUGH, key, request.headers());
        }
        HttpCacheHandle h = new HttpCacheHandle(request);
        CachedObject found = lookup.found().orElse(null);
        StoredResponse meta = found == null ? null : ReadthroughCache.meta(found);
        if (found != null && (meta == null || meta.isHitForPass())) {
            // hit-for-pass: no found response, no obligation; the program sends the request on
            lookup.obligation().ifPresent(Obligation::release);
        } else {
            if (found != null) {
                h.found = found;
                h.foundMeta = meta;
                h.stale = lookup.isStale();
                h.hits = lookup.hits();
            }
            h.obligation = lookup.obligation().orElse(null);
            if (h.obligation != null && found == null) {
                CachedObject existing = h.obligation.existing().orElse(null);
                StoredResponse existingMeta = existing == null ? null : ReadthroughCache.meta(existing);
                if (existingMeta != null && !existingMeta.isHitForPass()) {
                    h.existing = existing;
                    h.existingMeta = existingMeta;
                }
            }
        }
        handleOut[0] = add(h);
        return FastlyStatus.OK;
    }

    @Override
    public int getState(int handle, int[] stateOut) {
        HttpCacheHandle h = handles.get(handle, HttpCacheHandle.class);
        if (h == null) {
            return FastlyStatus.BADF;
        }
        int state = 0;
        if (h.found != null) {
            state |= CacheLookupState.FOUND | CacheLookupState.USABLE;
            if (h.stale) {
                state |= CacheLookupState.STALE;
            }
            if (h.staleChosen) {
                state |= CacheLookupState.USABLE_IF_ERROR;
            }
        } else if (h.existing != null) {
            // found but not usable: the witx's "a cached object was found", which usable implies, not the reverse
            state |= CacheLookupState.FOUND | CacheLookupState.STALE;
            if (h.obligation != null && ReadthroughCache.withinStaleIfError(h.existing, h.existingMeta)) {
                state |= CacheLookupState.USABLE_IF_ERROR;
            }
        }
        if (h.obligation != null) {
            state |= CacheLookupState.MUST_INSERT_OR_UPDATE;
        }
        stateOut[0] = state;
        return FastlyStatus.OK;
    }

    @Override
    public int getSuggestedBackendRequest(int handle, int[] reqOut) {
        HttpCacheHandle h = handles.get(handle, HttpCacheHandle.class);
        if (h == null) {
            return FastlyStatus.BADF;
        }
        StoredResponse validators = h.existingMeta != null ? h.existingMeta : h.stale ? h.foundMeta : null;
        RequestHead suggested = CachePolicy.backendRequest(
                h.request, validators == null ? null : validators.head().headers());
        if ("HEAD".equals(suggested.method())) {
            suggested.method("GET");
        }
        suggested.bypassReadthrough(true);
        reqOut[0] = handles.add(new HostRequest(suggested, false));
        return FastlyStatus.OK;
    }

    // ---- responses

    @Override
    public int prepareResponseForStorage(int handle, int resp, int[] actionOut, int[] respOut) {
        HttpCacheHandle h = handles.get(handle, HttpCacheHandle.class);
        HostResponse r = handles.get(resp, HostResponse.class);
        if (h == null || r == null) {
            return FastlyStatus.BADF;
        }
        CachePolicy policy = cache.policy();
        StoredResponse stored = h.meta();
        if (r.head.status() == 304 && stored != null) {
            ResponseHead kept = stored.head();
            StorageAction action = policy.revalidated(kept, r.head, cache.now(), CacheOverride.NONE)
                    .action();
            handles.remove(resp);
            HostResponse refreshed = new HostResponse(kept);
            refreshed.backend = r.backend;
            refreshed.freshnessHeaders = r.head.headers().copy();
            actionOut[0] = (action == StorageAction.INSERT ? StorageAction.UPDATE : action).code();
            respOut[0] = handles.add(refreshed);
            return FastlyStatus.OK;
        }
        actionOut[0] = policy.evaluate(r.head, cache.now(), CacheOverride.NONE)
                .action()
                .code();
        respOut[0] = resp;
        return FastlyStatus.OK;
    }

    @Override
    public int getSuggestedCacheOptions(
            int handle, int resp, int mask, HttpCacheWriteOptions in, int[] maskOut, HttpCacheWriteOptions out) {
        HttpCacheHandle h = handles.get(handle, HttpCacheHandle.class);
        HostResponse r = handles.get(resp, HostResponse.class);
        if (h == null || r == null) {
            return FastlyStatus.BADF;
        }
        if ((mask & ~HttpCacheWriteOptions.ALL) != 0 || in == null || out == null) {
            return FastlyStatus.INVAL;
        }
        HeaderList headers = r.head.headers();
        HeaderList freshnessHeaders = r.freshnessHeaders != null ? r.freshnessHeaders : headers;
        Freshness f = Freshness.of(freshnessHeaders, cache.now(), cache.policy().defaultTtl());
        int given = 0;
        out.maxAgeNs = nanos(f.lifetimeSeconds());
        if ((mask & HttpCacheWriteOptions.INITIAL_AGE_NS) != 0) {
            out.initialAgeNs = nanos(f.initialAgeSeconds());
            given |= HttpCacheWriteOptions.INITIAL_AGE_NS;
        }
        if ((mask & HttpCacheWriteOptions.STALE_WHILE_REVALIDATE_NS) != 0) {
            out.staleWhileRevalidateNs = nanos(f.staleWhileRevalidateSeconds());
            given |= HttpCacheWriteOptions.STALE_WHILE_REVALIDATE_NS;
        }
        if ((mask & HttpCacheWriteOptions.STALE_IF_ERROR_NS) != 0) {
            out.staleIfErrorNs = nanos(f.staleIfErrorSeconds());
            given |= HttpCacheWriteOptions.STALE_IF_ERROR_NS;
        }
        if ((mask & HttpCacheWriteOptions.LENGTH) != 0) {
            long length = contentLength(headers);
            if (length >= 0) {
                out.length = length;
                given |= HttpCacheWriteOptions.LENGTH;
            }
        }
        boolean tooSmall = false;
        if ((mask & HttpCacheWriteOptions.VARY_RULE) != 0) {
            byte[] vary = Buffers.latin1(String.join(" ", VaryHeader.of(headers).names()));
            tooSmall |= !fill(vary, in.varyRule, in.varyRuleLen);
            out.varyRule = in.varyRule;
            out.varyRuleLen = vary.length;
            given |= HttpCacheWriteOptions.VARY_RULE;
        }
        if ((mask & HttpCacheWriteOptions.SURROGATE_KEYS) != 0) {
            byte[] keys = Buffers.latin1(CachePolicy.surrogateKeys(headers, null));
            tooSmall |= !fill(keys, in.surrogateKeys, in.surrogateKeysLen);
            out.surrogateKeys = in.surrogateKeys;
            out.surrogateKeysLen = keys.length;
            given |= HttpCacheWriteOptions.SURROGATE_KEYS;
        }
        maskOut[0] = given;
        return tooSmall ? FastlyStatus.BUFLEN : FastlyStatus.OK;
    }

    private static boolean fill(byte[] value, byte[] buf, int capacity) {
        if (buf == null || capacity < value.length || capacity > buf.length) {
            return false;
        }
        System.arraycopy(value, 0, buf, 0, value.length);
        return true;
    }

    private static long contentLength(HeaderList headers) {
        String v = headers.first("Content-Length");
        if (v == null || v.isEmpty() || v.length() > 18) {
            return -1;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(v);
    }

    @Override
    public int getFoundResponse(int handle, int transformForClient, int[] respOut, int[] bodyOut) {
        HttpCacheHandle h = handles.get(handle, HttpCacheHandle.class);
        if (h == null) {
            return FastlyStatus.BADF;
        }
        if (h.found == null) {
            return FastlyStatus.NONE;
        }
        ResponseHead head;
        BodyBuffer body;
        if (transformForClient != 0) {
            UpstreamResponse answer = ReadthroughCache.answer(h.found, h.foundMeta, h.request, cache.now());
            head = answer.head();
            body = answer.body();
        } else {
            head = h.foundMeta.head();
            body = ReadthroughCache.body(h.found);
        }
        head.headers().set("Age", Long.toString(h.found.ageNanos() / 1_000_000_000L));
        respOut[0] = handles.add(new HostResponse(head));
        bodyOut[0] = handles.add(body);
        return FastlyStatus.OK;
    }

    // ---- meeting the obligation

    @Override
    public int transactionInsert(int handle, int resp, int mask, HttpCacheWriteOptions options, int[] bodyOut) {
        return insert(handle, resp, mask, options, bodyOut, null);
    }

    @Override
    public int transactionInsertAndStreamBack(
            int handle, int resp, int mask, HttpCacheWriteOptions options, int[] bodyOut, int[] handleOut) {
        return insert(handle, resp, mask, options, bodyOut, handleOut);
    }

    private int insert(int handle, int resp, int mask, HttpCacheWriteOptions options, int[] bodyOut, int[] handleOut) {
        if (handles.full()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        HttpCacheHandle h = handles.get(handle, HttpCacheHandle.class);
        HostResponse r = handles.get(resp, HostResponse.class);
        if (h == null || r == null || h.obligation == null) {
            return FastlyStatus.BADF;
        }
        io.github.computejava.host.cache.WriteOptions write = writeOptions(mask, options, r.head);
        if (write == null) {
            return FastlyStatus.INVAL;
        }
        ObjectWriter writer;
        try {
            writer = h.obligation.insert(write);
        } catch (CacheLimitException e) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        h.obligation = null;
        // the cache keeps a copy of the head and the response handle stays usable, as on Fastly: Fastly's JS SDK
        // sets X-Cache on it after an insert whose body it transforms; its edits do not reach the stored copy
        BodyBuffer body = new BodyBuffer();
        body.startStreaming();
        cache.copyInBackground(body, writer);
        bodyOut[0] = handles.add(body);
        if (handleOut != null) {
            HttpCacheHandle fresh = new HttpCacheHandle(h.request);
            fresh.found = writer.object();
            fresh.foundMeta = ReadthroughCache.meta(writer.object());
            handleOut[0] = add(fresh);
        }
        return FastlyStatus.OK;
    }

    @Override
    public int transactionUpdate(int handle, int resp, int mask, HttpCacheWriteOptions options) {
        return update(handle, resp, mask, options, null);
    }

    @Override
    public int transactionUpdateAndReturnFresh(
            int handle, int resp, int mask, HttpCacheWriteOptions options, int[] handleOut) {
        return update(handle, resp, mask, options, handleOut);
    }

    private int update(int handle, int resp, int mask, HttpCacheWriteOptions options, int[] handleOut) {
        HttpCacheHandle h = handles.get(handle, HttpCacheHandle.class);
        HostResponse r = handles.get(resp, HostResponse.class);
        if (h == null || r == null || h.obligation == null || h.object() == null) {
            return FastlyStatus.BADF;
        }
        io.github.computejava.host.cache.WriteOptions write =
                writeOptions(mask & ~HttpCacheWriteOptions.LENGTH, options, r.head);
        if (write == null) {
            return FastlyStatus.INVAL;
        }
        CachedObject updated;
        try {
            updated = h.obligation.update(write);
        } catch (CacheLimitException e) {
            return FastlyStatus.LIMITEXCEEDED;
        } catch (IllegalStateException e) {
            return FastlyStatus.BADF;
        }
        h.obligation = null;
        // as after an insert, the response handle stays usable
        if (handleOut != null) {
            HttpCacheHandle fresh = new HttpCacheHandle(h.request);
            fresh.found = updated;
            fresh.foundMeta = ReadthroughCache.meta(updated);
            handleOut[0] = add(fresh);
        }
        return FastlyStatus.OK;
    }

    @Override
    public int transactionChooseStale(int handle) {
        HttpCacheHandle h = handles.get(handle, HttpCacheHandle.class);
        if (h == null || h.obligation == null) {
            return FastlyStatus.BADF;
        }
        CachedObject stale = h.found != null ? h.found : h.existing;
        StoredResponse meta = h.found != null ? h.foundMeta : h.existingMeta;
        if (stale == null || !ReadthroughCache.withinStaleIfError(stale, meta)) {
            return FastlyStatus.BADF;
        }
        h.obligation.release();
        h.obligation = null;
        h.found = stale;
        h.foundMeta = meta;
        h.stale = true;
        h.staleChosen = true;
        h.hits = stale.hits();
        return FastlyStatus.OK;
    }

    @Override
    public int transactionRecordNotCacheable(int handle, int mask, HttpCacheWriteOptions options) {
        HttpCacheHandle h = handles.get(handle, HttpCacheHandle.class);
        if (h == null || h.obligation == null) {
            return FastlyStatus.BADF;
        }
        if ((mask & ~HttpCacheWriteOptions.ALL) != 0 || options == null || options.maxAgeNs < 0) {
            return FastlyStatus.INVAL;
        }
        List<String> vary = List.of();
        if ((mask & HttpCacheWriteOptions.VARY_RULE) != 0) {
            vary = names(options.varyRule, options.varyRuleLen);
            if (vary == null) {
                return FastlyStatus.INVAL;
            }
        }
        ReadthroughCache.recordUncacheable(h.obligation, options.maxAgeNs, vary);
        h.obligation = null;
        return FastlyStatus.OK;
    }

    @Override
    public int transactionAbandon(int handle) {
        HttpCacheHandle h = handles.get(handle, HttpCacheHandle.class);
        if (h == null || h.obligation == null) {
            return FastlyStatus.BADF;
        }
        h.obligation.release();
        h.obligation = null;
        return FastlyStatus.OK;
    }

    @Override
    public int close(int handle) {
        HttpCacheHandle h = handles.take(handle, HttpCacheHandle.class);
        if (h == null) {
            return FastlyStatus.BADF;
        }
        release(h);
        return FastlyStatus.OK;
    }

    // ---- getters

    @Override
    public int getLength(int handle, long[] out) {
        HttpCacheHandle h = handles.get(handle, HttpCacheHandle.class);
        if (h == null) {
            return FastlyStatus.BADF;
        }
        CachedObject o = h.object();
        if (o == null || o.length() < 0) {
            return FastlyStatus.NONE;
        }
        out[0] = o.length();
        return FastlyStatus.OK;
    }

    @Override
    public int getMaxAgeNs(int handle, long[] out) {
        CachedObject o = object(handle);
        if (o == null) {
            return noObject(handle);
        }
        out[0] = o.maxAgeNanos();
        return FastlyStatus.OK;
    }

    @Override
    public int getStaleWhileRevalidateNs(int handle, long[] out) {
        CachedObject o = object(handle);
        if (o == null) {
            return noObject(handle);
        }
        out[0] = o.staleWhileRevalidateNanos();
        return FastlyStatus.OK;
    }

    @Override
    public int getStaleIfErrorNs(int handle, long[] out) {
        HttpCacheHandle h = handles.get(handle, HttpCacheHandle.class);
        if (h == null) {
            return FastlyStatus.BADF;
        }
        StoredResponse meta = h.meta();
        if (meta == null) {
            return FastlyStatus.NONE;
        }
        out[0] = meta.staleIfErrorNanos();
        return FastlyStatus.OK;
    }

    @Override
    public int getAgeNs(int handle, long[] out) {
        CachedObject o = object(handle);
        if (o == null) {
            return noObject(handle);
        }
        out[0] = o.ageNanos();
        return FastlyStatus.OK;
    }

    @Override
    public int getHits(int handle, long[] out) {
        HttpCacheHandle h = handles.get(handle, HttpCacheHandle.class);
        if (h == null) {
            return FastlyStatus.BADF;
        }
        if (h.object() == null) {
            return FastlyStatus.NONE;
        }
        out[0] = h.found != null ? h.hits : h.existing.hits();
        return FastlyStatus.OK;
    }

    @Override
    public int getSensitiveData(int handle, int[] out) {
        CachedObject o = object(handle);
        if (o == null) {
            return noObject(handle);
        }
        out[0] = o.sensitive() ? 1 : 0;
        return FastlyStatus.OK;
    }

    @Override
    public int getSurrogateKeys(int handle, byte[] buf, int len, int[] nwrittenOut) {
        CachedObject o = object(handle);
        if (o == null) {
            return noObject(handle);
        }
        return Buffers.single(Buffers.latin1(String.join(" ", o.surrogateKeys())), buf, len, nwrittenOut);
    }

    @Override
    public int getVaryRule(int handle, byte[] buf, int len, int[] nwrittenOut) {
        CachedObject o = object(handle);
        if (o == null) {
            return noObject(handle);
        }
        return Buffers.single(Buffers.latin1(o.varyRule().toString()), buf, len, nwrittenOut);
    }

    // ---- internals

    private CachedObject object(int handle) {
        HttpCacheHandle h = handles.get(handle, HttpCacheHandle.class);
        return h == null ? null : h.object();
    }

    private int noObject(int handle) {
        return handles.get(handle, HttpCacheHandle.class) == null ? FastlyStatus.BADF : FastlyStatus.NONE;
    }

    private int add(HttpCacheHandle h) {
        open.add(h);
        return handles.add(h);
    }

    private void release(HttpCacheHandle h) {
        open.remove(h);
        if (h.obligation != null) {
            h.obligation.release();
            h.obligation = null;
        }
    }

    /** Store metadata from guest write options, or null when they are invalid. */
    private static io.github.computejava.host.cache.WriteOptions writeOptions(
            int mask, HttpCacheWriteOptions o, ResponseHead head) {
        if ((mask & ~HttpCacheWriteOptions.ALL) != 0 || o == null || o.maxAgeNs < 0) {
            return null;
        }
        List<String> vary = List.of();
        if ((mask & HttpCacheWriteOptions.VARY_RULE) != 0) {
            vary = names(o.varyRule, o.varyRuleLen);
            if (vary == null) {
                return null;
            }
        }
        String keys = "";
        if ((mask & HttpCacheWriteOptions.SURROGATE_KEYS) != 0) {
            if (o.surrogateKeysLen < 0
                    || o.surrogateKeysLen > 0
                            && (o.surrogateKeys == null || o.surrogateKeysLen > o.surrogateKeys.length)) {
                return null;
            }
            keys = o.surrogateKeysLen == 0 ? "" : Buffers.latin1(o.surrogateKeys, 0, o.surrogateKeysLen);
        }
        long initialAge = (mask & HttpCacheWriteOptions.INITIAL_AGE_NS) != 0 ? o.initialAgeNs : 0;
        long swr = (mask & HttpCacheWriteOptions.STALE_WHILE_REVALIDATE_NS) != 0 ? o.staleWhileRevalidateNs : 0;
        long sie = (mask & HttpCacheWriteOptions.STALE_IF_ERROR_NS) != 0 ? o.staleIfErrorNs : 0;
        long length = (mask & HttpCacheWriteOptions.LENGTH) != 0 ? o.length : -1;
        if (initialAge < 0 || swr < 0 || sie < 0 || (mask & HttpCacheWriteOptions.LENGTH) != 0 && length < 0) {
            return null;
        }
        boolean sensitive = (mask & HttpCacheWriteOptions.SENSITIVE_DATA) != 0;
        try {
            return ReadthroughCache.writeOptions(o.maxAgeNs, initialAge, swr, sie, vary, keys, sensitive, length, head);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Space-separated header names, or null when one is not a header name. */
    private static List<String> names(byte[] buf, int len) {
        if (len < 0 || len > 0 && (buf == null || len > buf.length)) {
            return null;
        }
        List<String> names = new ArrayList<>();
        if (len == 0) {
            return names;
        }
        for (String n : Buffers.latin1(buf, 0, len).split(" ")) {
            if (n.isEmpty()) {
                continue;
            }
            if (!HeaderList.isValidName(n)) {
                return null;
            }
            names.add(n);
        }
        return names;
    }

    private static long nanos(long seconds) {
        return seconds >= Long.MAX_VALUE / 1_000_000_000L ? Long.MAX_VALUE : seconds * 1_000_000_000L;
    }
}
