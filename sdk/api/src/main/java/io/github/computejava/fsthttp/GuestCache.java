package io.github.computejava.fsthttp;

import io.github.computejava.abi.CacheLookupState;
import io.github.computejava.abi.FastlyHttpCache;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.abi.HttpCacheLookupOptions;
import io.github.computejava.abi.HttpCacheWriteOptions;
import io.github.computejava.internal.AdaptiveBuffer;
import io.github.computejava.internal.BodyInput;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
import io.github.computejava.internal.guest.HttpReqGuest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@link Request#send} when the program drives the readthrough cache through Fastly's HTTP cache API
 * ({@code fastly_http_cache}): needed to run {@link CacheOptions} hooks between the cache and the backend. The
 * host's one-call send does the same without hooks; both use one cache, so their objects are shared.
 *
 * <p>The flow: look the request up (collapsing with concurrent lookups); a usable stored response is returned
 * at once (if stale, it is revalidated after the response is sent); otherwise, when this request was chosen to
 * fill the cache, build the backend request the host suggests, run the before-send hook, send it, let the host
 * prepare the response for storage, run the after-send hook, and insert (streaming the stored body back), update,
 * or record it as uncacheable; when the cache says the resource is uncacheable, send the request as is.
 */
final class GuestCache implements CacheFlow {
    /** The one instance; referenced only by the options that need it. */
    static final CacheFlow FLOW = new GuestCache();

    // fills sent by sendAsync whose responses were not taken yet: {backend and URL, pending request}
    private static final List<Object[]> FILLS = new ArrayList<>();

    private GuestCache() {}

    @Override
    public Response send(Request request, String backend, Hostcalls c) {
        // the flow sends whole bodies: a stream body is read first
        request.readStreamBody();
        CacheOptions options = request.cacheOptions();
        int req = request.newHostRequest(c);
        if (options.pass() || "PURGE".equals(request.method()) || !isRequestCacheable(c, req)) {
            return request.sendHandle(c, req, backend);
        }
        HttpCacheLookupOptions lookup = new HttpCacheLookupOptions();
        int mask = HttpCacheLookupOptions.BACKEND_NAME;
        lookup.backendName = Text.latin1(backend);
        if (options.overrideKeyBytes() != null) {
            lookup.overrideKey = options.overrideKeyBytes();
            mask |= HttpCacheLookupOptions.OVERRIDE_KEY;
        }
        int[] out = new int[1];
        Statuses.check(c.httpCache().transactionLookup(req, mask, lookup, out), "fastly_http_cache.transaction_lookup");
        int handle = out[0];
        boolean keepHandle = false;
        try {
            int state = state(c, handle);
            Response found = foundResponse(c, handle, request, backend, true);
            if (found != null) {
                closeRequest(c, req);
                if ((state & CacheLookupState.MUST_INSERT_OR_UPDATE) != 0) {
                    // stale-while-revalidate: this request revalidates, after its response is sent
                    Request revalidation = Request.of(request.method(), request.url());
                    revalidation.headers().setAll(request.headers());
                    revalidation.cacheOptions(options);
                    BackgroundTasks.add(() -> revalidate(c, handle, revalidation, backend));
                    keepHandle = true;
                }
                return found;
            }
            if ((state & CacheLookupState.MUST_INSERT_OR_UPDATE) != 0) {
                closeRequest(c, req);
                return fill(c, handle, state, request, backend);
            }
            // the cache recorded this resource as uncacheable: no collapsing, straight to the backend
            return request.sendHandle(c, req, backend);
        } finally {
            if (!keepHandle) {
                c.httpCache().close(handle);
            }
        }
    }

    /**
     * {@link Request#sendAsync} with the program driving the cache: the lookup (a hit is answered at once) and the
     * before-send hook run now, the backend request is sent without waiting, and when its response is taken the
     * after-send hook runs and the response is stored, as {@link #send} does.
     */
    @Override
    public PendingRequest sendAsync(Request request, String backend, Hostcalls c) {
        request.readStreamBody();
        CacheOptions options = request.cacheOptions();
        // a lookup collapsing behind this program's own fill would wait for ever: that fill is finished first
        String fillKey = backend + " " + request.url();
        for (Iterator<Object[]> i = FILLS.iterator(); i.hasNext(); ) {
            Object[] fill = i.next();
            PendingRequest p = (PendingRequest) fill[1];
            if (fillKey.equals(fill[0])) {
                p.settleNow();
            }
            if (!p.onHost()) {
                i.remove();
            }
        }
        int req = request.newHostRequest(c);
        if (options.pass() || "PURGE".equals(request.method()) || !isRequestCacheable(c, req)) {
            return request.sendHandleAsync(c, req, backend);
        }
        HttpCacheLookupOptions lookup = new HttpCacheLookupOptions();
        int mask = HttpCacheLookupOptions.BACKEND_NAME;
        lookup.backendName = Text.latin1(backend);
        if (options.overrideKeyBytes() != null) {
            lookup.overrideKey = options.overrideKeyBytes();
            mask |= HttpCacheLookupOptions.OVERRIDE_KEY;
        }
        int[] out = new int[1];
        Statuses.check(c.httpCache().transactionLookup(req, mask, lookup, out), "fastly_http_cache.transaction_lookup");
        int handle = out[0];
        int state;
        try {
            state = state(c, handle);
            Response found = foundResponse(c, handle, request, backend, true);
            if (found != null) {
                closeRequest(c, req);
                if ((state & CacheLookupState.MUST_INSERT_OR_UPDATE) != 0) {
                    revalidateLater(c, handle, request, backend);
                } else {
                    c.httpCache().close(handle);
                }
                return PendingRequest.settled(found, null, backend);
            }
        } catch (RuntimeException e) {
            c.httpCache().close(handle);
            throw e;
        }
        if ((state & CacheLookupState.MUST_INSERT_OR_UPDATE) == 0) {
            // the cache recorded this resource as uncacheable: no collapsing, straight to the backend
            c.httpCache().close(handle);
            return request.sendHandleAsync(c, req, backend);
        }
        closeRequest(c, req);
        Request backendRequest;
        HttpReqGuest.Outcome sent;
        try {
            backendRequest = backendRequest(c, handle, request);
            int body = backendRequest.takeBodyHandle(c);
            sent = HttpReqGuest.sendAsync(backendRequest.suggestedHandle, body, Text.latin1(backend), false);
            if (!sent.ok()) {
                throw SendErrorDetail.toException(sent.status(), sent.detail(), backend);
            }
        } catch (RuntimeException e) {
            try {
                return PendingRequest.settled(failedFill(c, handle, state, request, backend, e), null, backend);
            } catch (SendErrorException | BackendNotFoundException failure) {
                return PendingRequest.settled(null, failure, backend);
            } finally {
                c.httpCache().close(handle);
            }
        }
        PendingRequest fill = new PendingRequest(sent.pending(), backend, o -> {
            try {
                CandidateResponse candidate;
                try {
                    if (!o.ok()) {
                        throw SendErrorDetail.toException(o.status(), o.detail(), backend);
                    }
                    candidate = candidate(c, handle, state, request, backendRequest, o.response(), o.body());
                } catch (RuntimeException e) {
                    return failedFill(c, handle, state, request, backend, e);
                }
                return store(c, handle, state, request, backend, candidate);
            } finally {
                c.httpCache().close(handle);
            }
        });
        FILLS.add(new Object[] {fillKey, fill});
        return fill;
    }

    /** Stale-while-revalidate: the request revalidates {@code handle} after its response is sent. */
    private static void revalidateLater(Hostcalls c, int handle, Request request, String backend) {
        Request revalidation = Request.of(request.method(), request.url());
        revalidation.headers().setAll(request.headers());
        revalidation.cacheOptions(request.cacheOptions());
        BackgroundTasks.add(() -> revalidate(c, handle, revalidation, backend));
    }

    /** Fetches from the backend for a request chosen to fill the cache, and returns what the client gets. */
    private static Response fill(Hostcalls c, int handle, int state, Request request, String backend) {
        CandidateResponse candidate;
        try {
            candidate = fetchCandidate(c, handle, state, request, backend);
        } catch (RuntimeException e) {
            return failedFill(c, handle, state, request, backend, e);
        }
        return store(c, handle, state, request, backend, candidate);
    }

    /** A fill whose backend request failed: the stale response when usable on error, else the failure. */
    private static Response failedFill(
            Hostcalls c, int handle, int state, Request request, String backend, RuntimeException e) {
        if ((state & CacheLookupState.USABLE_IF_ERROR) != 0) {
            return chooseStale(c, handle, request, backend, e);
        }
        c.httpCache().transactionAbandon(handle);
        throw e;
    }

    /** Stores (or not) what the backend answered a fill, after the hooks, and returns what the client gets. */
    private static Response store(
            Hostcalls c, int handle, int state, Request request, String backend, CandidateResponse candidate) {
        if ((state & CacheLookupState.USABLE_IF_ERROR) != 0 && candidate.status() >= 500 && !candidate.isCacheable()) {
            int failed = candidate.status();
            closeCandidate(c, candidate);
            return chooseStale(
                    c,
                    handle,
                    request,
                    backend,
                    new io.github.computejava.ComputeException("the backend answered " + failed));
        }
        candidate.syncHeaders();
        int[] mask = new int[1];
        HttpCacheWriteOptions options = candidate.finalOptions(mask);
        int resp = candidate.responseHandle();
        int[] body = new int[1];
        int[] fresh = new int[1];
        switch (candidate.action()) {
            case FastlyHttpCache.STORAGE_INSERT: {
                Statuses.check(
                        c.httpCache().transactionInsertAndStreamBack(handle, resp, mask[0], options, body, fresh),
                        "fastly_http_cache.transaction_insert_and_stream_back");
                try {
                    writeBody(c, candidate, body[0], true);
                    return foundResponse(c, fresh[0], request, backend, false);
                } finally {
                    c.httpCache().close(fresh[0]);
                }
            }
            case FastlyHttpCache.STORAGE_UPDATE: {
                Statuses.check(
                        c.httpCache().transactionUpdateAndReturnFresh(handle, resp, mask[0], options, fresh),
                        "fastly_http_cache.transaction_update_and_return_fresh");
                c.httpBody().close(candidate.bodyHandle());
                try {
                    return foundResponse(c, fresh[0], request, backend, false);
                } finally {
                    c.httpCache().close(fresh[0]);
                }
            }
            case FastlyHttpCache.STORAGE_RECORD_UNCACHEABLE:
                Statuses.check(
                        c.httpCache().transactionRecordNotCacheable(handle, mask[0], options),
                        "fastly_http_cache.transaction_record_not_cacheable");
                return uncachedResponse(c, candidate, request, backend);
            default:
                // only this request gets the response; a waiting request takes over and fetches again
                Statuses.check(c.httpCache().transactionAbandon(handle), "fastly_http_cache.transaction_abandon");
                return uncachedResponse(c, candidate, request, backend);
        }
    }

    /** Revalidates a stale response after the client got it; nothing is returned. */
    private static void revalidate(Hostcalls c, int handle, Request request, String backend) {
        try {
            CandidateResponse candidate;
            try {
                candidate = fetchCandidate(c, handle, CacheLookupState.STALE, request, backend);
            } catch (RuntimeException e) {
                c.httpCache().transactionAbandon(handle);
                throw e;
            }
            candidate.syncHeaders();
            int[] mask = new int[1];
            HttpCacheWriteOptions options = candidate.finalOptions(mask);
            int resp = candidate.responseHandle();
            switch (candidate.action()) {
                case FastlyHttpCache.STORAGE_INSERT: {
                    int[] body = new int[1];
                    Statuses.check(
                            c.httpCache().transactionInsert(handle, resp, mask[0], options, body),
                            "fastly_http_cache.transaction_insert");
                    writeBody(c, candidate, body[0], true);
                    break;
                }
                case FastlyHttpCache.STORAGE_UPDATE:
                    Statuses.check(
                            c.httpCache().transactionUpdate(handle, resp, mask[0], options),
                            "fastly_http_cache.transaction_update");
                    c.httpBody().close(candidate.bodyHandle());
                    break;
                case FastlyHttpCache.STORAGE_RECORD_UNCACHEABLE:
                    Statuses.check(
                            c.httpCache().transactionRecordNotCacheable(handle, mask[0], options),
                            "fastly_http_cache.transaction_record_not_cacheable");
                    closeCandidate(c, candidate);
                    break;
                default:
                    c.httpCache().transactionAbandon(handle);
                    closeCandidate(c, candidate);
            }
        } finally {
            c.httpCache().close(handle);
        }
    }

    /** Sends the suggested backend request (after the before-send hook) and wraps the answer as a candidate. */
    private static CandidateResponse fetchCandidate(
            Hostcalls c, int handle, int state, Request request, String backend) {
        Request backendRequest = backendRequest(c, handle, request);
        int suggested = backendRequest.suggestedHandle;
        int body = backendRequest.takeBodyHandle(c);
        byte[] detail = SendErrorDetail.newBuffer();
        int[] resp = new int[1];
        int[] respBody = new int[1];
        int status = c.httpReq().sendV2(suggested, body, Text.latin1(backend), detail, resp, respBody);
        if (status != FastlyStatus.OK) {
            throw SendErrorDetail.toException(status, detail, backend);
        }
        return candidate(c, handle, state, request, backendRequest, resp[0], respBody[0]);
    }

    /**
     * The backend request the host suggests for a fill, with the request's body, after the before-send hook,
     * written into the suggested handle ({@link Request#suggestedHandle}).
     */
    private static Request backendRequest(Hostcalls c, int handle, Request request) {
        int[] out = new int[1];
        Statuses.check(
                c.httpCache().getSuggestedBackendRequest(handle, out),
                "fastly_http_cache.get_suggested_backend_request");
        int suggested = out[0];
        Request backendRequest = Request.of(method(c, suggested), uri(c, suggested));
        backendRequest.headers().setAll(HostHeaders.readRequest(c, suggested));
        backendRequest.cacheOptions(request.cacheOptions());
        request.moveBodyTo(backendRequest);
        CacheOptions.BeforeSend before = request.cacheOptions().beforeSendHook();
        if (before != null) {
            try {
                before.accept(backendRequest);
            } catch (IOException e) {
                throw new UncheckedIOException("the before-send hook failed", e);
            }
        }
        writeRequest(c, suggested, backendRequest);
        backendRequest.suggestedHandle = suggested;
        return backendRequest;
    }

    /** The backend's answer to a fill as a candidate for storage, after the after-send hook. */
    private static CandidateResponse candidate(
            Hostcalls c, int handle, int state, Request request, Request backendRequest, int resp, int respBody) {
        int[] action = new int[1];
        int[] prepared = new int[1];
        Statuses.check(
                c.httpCache().prepareResponseForStorage(handle, resp, action, prepared),
                "fastly_http_cache.prepare_response_for_storage");
        CandidateResponse candidate = new CandidateResponse(
                c, handle, prepared[0], respBody, action[0], state, backendRequest.cacheOptions());
        CacheOptions.AfterSend after = request.cacheOptions().afterSendHook();
        if (after != null) {
            try {
                after.accept(candidate);
            } catch (IOException e) {
                closeCandidate(c, candidate);
                throw new UncheckedIOException("the after-send hook failed", e);
            } catch (RuntimeException e) {
                closeCandidate(c, candidate);
                throw e;
            }
        }
        return candidate;
    }

    /** Completes the collapse with the stored stale response (stale-if-error). */
    private static Response chooseStale(
            Hostcalls c, int handle, Request request, String backend, RuntimeException masked) {
        Statuses.check(c.httpCache().transactionChooseStale(handle), "fastly_http_cache.transaction_choose_stale");
        Response stale = foundResponse(c, handle, request, backend, true, masked);
        if (stale == null) {
            throw Statuses.toException(FastlyStatus.NONE, "fastly_http_cache.get_found_response");
        }
        return stale;
    }

    private static Response foundResponse(Hostcalls c, int handle, Request request, String backend, boolean hit) {
        return foundResponse(c, handle, request, backend, hit, null);
    }

    /**
     * The stored response of a cache handle, with X-Cache headers, and for a hit the cache's facts of it (with the
     * failure it stands in for, if any); null when none was found.
     */
    private static Response foundResponse(
            Hostcalls c, int handle, Request request, String backend, boolean hit, RuntimeException masked) {
        int[] resp = new int[1];
        int[] body = new int[1];
        int status = c.httpCache().getFoundResponse(handle, 1, resp, body);
        if (status == FastlyStatus.NONE) {
            return null;
        }
        Statuses.check(status, "fastly_http_cache.get_found_response");
        long hits = 0;
        if (hit) {
            long[] h = new long[1];
            Statuses.check(c.httpCache().getHits(handle, h), "fastly_http_cache.get_hits");
            hits = h[0];
        }
        Response response = new Response(c, resp[0], body[0], backend);
        CacheFacts.Source facts = request.cacheOptions().factsSource();
        if (hit && facts != null) {
            response.cacheFacts(facts.read(handle, masked));
        }
        markForClient(response, request, hit, hits);
        return response;
    }

    private static Response uncachedResponse(
            Hostcalls c, CandidateResponse candidate, Request request, String backend) {
        int body = candidate.bodyHandle();
        if (candidate.transform() != null) {
            int[] out = new int[1];
            Statuses.check(c.httpBody().new_(out), "fastly_http_body.new");
            writeBody(c, candidate, out[0], false);
            body = out[0];
        }
        Response response = new Response(c, candidate.responseHandle(), body, backend);
        markForClient(response, request, false, 0);
        return response;
    }

    /** {@code X-Cache} and {@code X-Cache-Hits}; surrogate headers only for Fastly-FF or Fastly-Debug requests. */
    private static void markForClient(Response response, Request request, boolean hit, long hits) {
        Headers h = response.headers();
        h.set("X-Cache", hit ? "HIT" : "MISS");
        h.set("X-Cache-Hits", Long.toString(hit ? hits : 0));
        Headers rh = request.headers();
        if (!rh.contains("Fastly-FF") && !rh.contains("Fastly-Debug")) {
            h.remove("Surrogate-Key");
            h.remove("Surrogate-Control");
        }
    }

    /**
     * Fills a body from the backend body (through the transform, if any); {@code end} closes it, which ends a
     * cache body (a body the program reads on must stay open).
     */
    private static void writeBody(Hostcalls c, CandidateResponse candidate, int target, boolean end) {
        BodyTransform transform = candidate.transform();
        if (transform == null) {
            Statuses.check(c.httpBody().append(target, candidate.bodyHandle()), "fastly_http_body.append");
            if (end) {
                Statuses.check(c.httpBody().close(target), "fastly_http_body.close");
            }
            return;
        }
        BodyInput in = BodyInput.of(c, candidate.bodyHandle());
        try {
            transform.transform(in, new HostBodyOutput(c, target));
            in.close();
            if (end) {
                Statuses.check(c.httpBody().close(target), "fastly_http_body.close");
            }
        } catch (IOException e) {
            c.httpBody().abandon(target);
            in.close();
            throw new UncheckedIOException("body transform failed", e);
        } catch (RuntimeException e) {
            c.httpBody().abandon(target);
            in.close();
            throw e;
        }
    }

    private static void closeCandidate(Hostcalls c, CandidateResponse candidate) {
        c.httpBody().close(candidate.bodyHandle());
        c.httpResp().close(candidate.responseHandle());
    }

    private static void closeRequest(Hostcalls c, int req) {
        int s = c.httpReq().close(req);
        if (s != FastlyStatus.OK && s != FastlyStatus.BADF) {
            throw Statuses.toException(s, "fastly_http_req.close");
        }
    }

    private static boolean isRequestCacheable(Hostcalls c, int req) {
        int[] out = new int[1];
        Statuses.check(c.httpCache().isRequestCacheable(req, out), "fastly_http_cache.is_request_cacheable");
        return out[0] != 0;
    }

    private static int state(Hostcalls c, int handle) {
        int[] out = new int[1];
        Statuses.check(c.httpCache().getState(handle, out), "fastly_http_cache.get_state");
        return out[0];
    }

    private static String method(Hostcalls c, int req) {
        byte[] b = AdaptiveBuffer.get(
                (buf, len, nw) -> c.httpReq().methodGet(req, buf, len, nw), 16, "fastly_http_req.method_get");
        return b == null ? "GET" : Text.latin1(b, 0, b.length);
    }

    private static String uri(Hostcalls c, int req) {
        byte[] b = AdaptiveBuffer.get(
                (buf, len, nw) -> c.httpReq().uriGet(req, buf, len, nw), 1024, "fastly_http_req.uri_get");
        return b == null ? "/" : Text.latin1(b, 0, b.length);
    }

    /** Writes a request's method, URL and headers into a host request handle. */
    private static void writeRequest(Hostcalls c, int req, Request r) {
        Statuses.check(c.httpReq().methodSet(req, Text.latin1(r.method())), "fastly_http_req.method_set");
        Statuses.check(c.httpReq().uriSet(req, Text.latin1(r.url())), "fastly_http_req.uri_set");
        Headers now = r.headers();
        for (String name : HostHeaders.readRequest(c, req).names()) {
            if (!now.contains(name)) {
                Statuses.check(c.httpReq().headerRemove(req, Text.latin1(name)), "fastly_http_req.header_remove");
            }
        }
        HostHeaders.writeRequest(c, req, now);
    }

    /** The host's suggested write options for a response, growing the buffers on {@code buflen}. */
    static HttpCacheWriteOptions suggestedOptions(Hostcalls c, int handle, int resp, int varyLen, int keysLen) {
        HttpCacheWriteOptions in = new HttpCacheWriteOptions();
        in.varyRule = new byte[varyLen];
        in.varyRuleLen = varyLen;
        in.surrogateKeys = new byte[keysLen];
        in.surrogateKeysLen = keysLen;
        HttpCacheWriteOptions out = new HttpCacheWriteOptions();
        int[] maskOut = new int[1];
        for (int attempt = 0; attempt < 3; attempt++) {
            int status =
                    c.httpCache().getSuggestedCacheOptions(handle, resp, HttpCacheWriteOptions.ALL, in, maskOut, out);
            if (status == FastlyStatus.OK) {
                if ((maskOut[0] & HttpCacheWriteOptions.VARY_RULE) == 0) {
                    out.varyRuleLen = 0;
                }
                if ((maskOut[0] & HttpCacheWriteOptions.SURROGATE_KEYS) == 0) {
                    out.surrogateKeysLen = 0;
                }
                return out;
            }
            if (status != FastlyStatus.BUFLEN) {
                throw Statuses.toException(status, "fastly_http_cache.get_suggested_cache_options");
            }
            if (out.varyRuleLen > in.varyRuleLen) {
                in.varyRule = new byte[out.varyRuleLen];
                in.varyRuleLen = out.varyRuleLen;
            }
            if (out.surrogateKeysLen > in.surrogateKeysLen) {
                in.surrogateKeys = new byte[out.surrogateKeysLen];
                in.surrogateKeysLen = out.surrogateKeysLen;
            }
        }
        throw Statuses.toException(FastlyStatus.BUFLEN, "fastly_http_cache.get_suggested_cache_options");
    }

    /** An output stream into a host body. */
    private static final class HostBodyOutput extends OutputStream {
        private final Hostcalls calls;
        private final int body;

        HostBodyOutput(Hostcalls calls, int body) {
            this.calls = calls;
            this.body = body;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            BodyOutput.writeAll(calls, body, b, off, len);
        }
    }
}
