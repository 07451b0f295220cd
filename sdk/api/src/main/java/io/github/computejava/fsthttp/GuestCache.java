package io.github.computejava.fsthttp;

import io.github.computejava.internal.BodyInput;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
import io.github.computejava.internal.guest.HttpBodyGuest;
import io.github.computejava.internal.guest.HttpCacheGuest;
import io.github.computejava.internal.guest.HttpReqGuest;
import io.github.computejava.internal.guest.HttpRespGuest;
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
    public Response send(Request request, String backend) {
        // the flow sends whole bodies: a stream body is read first
        request.readStreamBody();
        CacheOptions options = request.cacheOptions();
        int req = request.newHostRequest();
        if (options.pass() || "PURGE".equals(request.method()) || !HttpCacheGuest.isRequestCacheable(req)) {
            return request.sendHandle(req, backend);
        }
        int handle = HttpCacheGuest.transactionLookup(req, Text.latin1(backend), options.overrideKeyBytes());
        boolean keepHandle = false;
        try {
            int state = HttpCacheGuest.state(handle);
            Response found = foundResponse(handle, request, backend, true);
            if (found != null) {
                HttpReqGuest.close(req);
                if ((state & HttpCacheGuest.MUST_INSERT_OR_UPDATE) != 0) {
                    // stale-while-revalidate: this request revalidates, after its response is sent
                    Request revalidation = Request.of(request.method(), request.url());
                    revalidation.headers().setAll(request.headers());
                    revalidation.cacheOptions(options);
                    BackgroundTasks.add(() -> revalidate(handle, revalidation, backend));
                    keepHandle = true;
                }
                return found;
            }
            if ((state & HttpCacheGuest.MUST_INSERT_OR_UPDATE) != 0) {
                HttpReqGuest.close(req);
                return fill(handle, state, request, backend);
            }
            // the cache recorded this resource as uncacheable: no collapsing, straight to the backend
            return request.sendHandle(req, backend);
        } finally {
            if (!keepHandle) {
                HttpCacheGuest.close(handle);
            }
        }
    }

    /**
     * {@link Request#sendAsync} with the program driving the cache: the lookup (a hit is answered at once) and the
     * before-send hook run now, the backend request is sent without waiting, and when its response is taken the
     * after-send hook runs and the response is stored, as {@link #send} does.
     */
    @Override
    public PendingRequest sendAsync(Request request, String backend) {
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
        int req = request.newHostRequest();
        if (options.pass() || "PURGE".equals(request.method()) || !HttpCacheGuest.isRequestCacheable(req)) {
            return request.sendHandleAsync(req, backend);
        }
        int handle = HttpCacheGuest.transactionLookup(req, Text.latin1(backend), options.overrideKeyBytes());
        int state;
        try {
            state = HttpCacheGuest.state(handle);
            Response found = foundResponse(handle, request, backend, true);
            if (found != null) {
                HttpReqGuest.close(req);
                if ((state & HttpCacheGuest.MUST_INSERT_OR_UPDATE) != 0) {
                    revalidateLater(handle, request, backend);
                } else {
                    HttpCacheGuest.close(handle);
                }
                return PendingRequest.settled(found, null, backend);
            }
        } catch (RuntimeException e) {
            HttpCacheGuest.close(handle);
            throw e;
        }
        if ((state & HttpCacheGuest.MUST_INSERT_OR_UPDATE) == 0) {
            // the cache recorded this resource as uncacheable: no collapsing, straight to the backend
            HttpCacheGuest.close(handle);
            return request.sendHandleAsync(req, backend);
        }
        HttpReqGuest.close(req);
        Request backendRequest;
        HttpReqGuest.Outcome sent;
        try {
            backendRequest = backendRequest(handle, request);
            int body = backendRequest.takeBodyHandle();
            sent = HttpReqGuest.sendAsync(backendRequest.suggestedHandle, body, Text.latin1(backend), false);
            if (!sent.ok()) {
                throw SendErrorDetail.toException(sent, backend);
            }
        } catch (RuntimeException e) {
            try {
                return PendingRequest.settled(failedFill(handle, state, request, backend, e), null, backend);
            } catch (SendErrorException | BackendNotFoundException failure) {
                return PendingRequest.settled(null, failure, backend);
            } finally {
                HttpCacheGuest.close(handle);
            }
        }
        PendingRequest fill = new PendingRequest(sent.pending(), backend, o -> {
            try {
                CandidateResponse candidate;
                try {
                    if (!o.ok()) {
                        throw SendErrorDetail.toException(o, backend);
                    }
                    candidate = candidate(handle, state, request, backendRequest, o.response(), o.body());
                } catch (RuntimeException e) {
                    return failedFill(handle, state, request, backend, e);
                }
                return store(handle, state, request, backend, candidate);
            } finally {
                HttpCacheGuest.close(handle);
            }
        });
        FILLS.add(new Object[] {fillKey, fill});
        return fill;
    }

    /** Stale-while-revalidate: the request revalidates {@code handle} after its response is sent. */
    private static void revalidateLater(int handle, Request request, String backend) {
        Request revalidation = Request.of(request.method(), request.url());
        revalidation.headers().setAll(request.headers());
        revalidation.cacheOptions(request.cacheOptions());
        BackgroundTasks.add(() -> revalidate(handle, revalidation, backend));
    }

    /** Fetches from the backend for a request chosen to fill the cache, and returns what the client gets. */
    private static Response fill(int handle, int state, Request request, String backend) {
        CandidateResponse candidate;
        try {
            candidate = fetchCandidate(handle, state, request, backend);
        } catch (RuntimeException e) {
            return failedFill(handle, state, request, backend, e);
        }
        return store(handle, state, request, backend, candidate);
    }

    /** A fill whose backend request failed: the stale response when usable on error, else the failure. */
    private static Response failedFill(int handle, int state, Request request, String backend, RuntimeException e) {
        if ((state & HttpCacheGuest.USABLE_IF_ERROR) != 0) {
            return chooseStale(handle, request, backend, e);
        }
        HttpCacheGuest.abandonQuietly(handle);
        throw e;
    }

    /** Stores (or not) what the backend answered a fill, after the hooks, and returns what the client gets. */
    private static Response store(int handle, int state, Request request, String backend, CandidateResponse candidate) {
        if ((state & HttpCacheGuest.USABLE_IF_ERROR) != 0 && candidate.status() >= 500 && !candidate.isCacheable()) {
            int failed = candidate.status();
            closeCandidate(candidate);
            return chooseStale(
                    handle,
                    request,
                    backend,
                    new io.github.computejava.ComputeException("the backend answered " + failed));
        }
        candidate.syncHeaders();
        HttpCacheGuest.WriteOptions options = candidate.finalOptions();
        int resp = candidate.responseHandle();
        switch (candidate.action()) {
            case HttpCacheGuest.INSERT: {
                int[] bodyAndFresh = HttpCacheGuest.insertAndStreamBack(handle, resp, options);
                try {
                    writeBody(candidate, bodyAndFresh[0], true);
                    return foundResponse(bodyAndFresh[1], request, backend, false);
                } finally {
                    HttpCacheGuest.close(bodyAndFresh[1]);
                }
            }
            case HttpCacheGuest.UPDATE: {
                int fresh = HttpCacheGuest.updateAndReturnFresh(handle, resp, options);
                HttpBodyGuest.closeQuietly(candidate.bodyHandle());
                try {
                    return foundResponse(fresh, request, backend, false);
                } finally {
                    HttpCacheGuest.close(fresh);
                }
            }
            case HttpCacheGuest.RECORD_UNCACHEABLE:
                HttpCacheGuest.recordNotCacheable(handle, options);
                return uncachedResponse(candidate, request, backend);
            default:
                // only this request gets the response; a waiting request takes over and fetches again
                HttpCacheGuest.abandon(handle);
                return uncachedResponse(candidate, request, backend);
        }
    }

    /** Revalidates a stale response after the client got it; nothing is returned. */
    private static void revalidate(int handle, Request request, String backend) {
        try {
            CandidateResponse candidate;
            try {
                candidate = fetchCandidate(handle, HttpCacheGuest.STALE, request, backend);
            } catch (RuntimeException e) {
                HttpCacheGuest.abandonQuietly(handle);
                throw e;
            }
            candidate.syncHeaders();
            HttpCacheGuest.WriteOptions options = candidate.finalOptions();
            int resp = candidate.responseHandle();
            switch (candidate.action()) {
                case HttpCacheGuest.INSERT:
                    writeBody(candidate, HttpCacheGuest.insert(handle, resp, options), true);
                    break;
                case HttpCacheGuest.UPDATE:
                    HttpCacheGuest.update(handle, resp, options);
                    HttpBodyGuest.closeQuietly(candidate.bodyHandle());
                    break;
                case HttpCacheGuest.RECORD_UNCACHEABLE:
                    HttpCacheGuest.recordNotCacheable(handle, options);
                    closeCandidate(candidate);
                    break;
                default:
                    HttpCacheGuest.abandonQuietly(handle);
                    closeCandidate(candidate);
            }
        } finally {
            HttpCacheGuest.close(handle);
        }
    }

    /** Sends the suggested backend request (after the before-send hook) and wraps the answer as a candidate. */
    private static CandidateResponse fetchCandidate(int handle, int state, Request request, String backend) {
        Request backendRequest = backendRequest(handle, request);
        int suggested = backendRequest.suggestedHandle;
        int body = backendRequest.takeBodyHandle();
        HttpReqGuest.Outcome o = HttpReqGuest.send(suggested, body, Text.latin1(backend));
        if (!o.ok()) {
            throw SendErrorDetail.toException(o, backend);
        }
        return candidate(handle, state, request, backendRequest, o.response(), o.body());
    }

    /**
     * The backend request the host suggests for a fill, with the request's body, after the before-send hook,
     * written into the suggested handle ({@link Request#suggestedHandle}).
     */
    private static Request backendRequest(int handle, Request request) {
        int suggested = HttpCacheGuest.suggestedBackendRequest(handle);
        Request backendRequest = Request.of(method(suggested), uri(suggested));
        backendRequest.headers().setAll(HostHeaders.readRequest(suggested));
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
        writeRequest(suggested, backendRequest);
        backendRequest.suggestedHandle = suggested;
        return backendRequest;
    }

    /** The backend's answer to a fill as a candidate for storage, after the after-send hook. */
    private static CandidateResponse candidate(
            int handle, int state, Request request, Request backendRequest, int resp, int respBody) {
        int[] actionAndResp = HttpCacheGuest.prepareResponseForStorage(handle, resp);
        CandidateResponse candidate = new CandidateResponse(
                handle, actionAndResp[1], respBody, actionAndResp[0], state, backendRequest.cacheOptions());
        CacheOptions.AfterSend after = request.cacheOptions().afterSendHook();
        if (after != null) {
            try {
                after.accept(candidate);
            } catch (IOException e) {
                closeCandidate(candidate);
                throw new UncheckedIOException("the after-send hook failed", e);
            } catch (RuntimeException e) {
                closeCandidate(candidate);
                throw e;
            }
        }
        return candidate;
    }

    /** Completes the collapse with the stored stale response (stale-if-error). */
    private static Response chooseStale(int handle, Request request, String backend, RuntimeException masked) {
        HttpCacheGuest.chooseStale(handle);
        Response stale = foundResponse(handle, request, backend, true, masked);
        if (stale == null) {
            throw Statuses.none("fastly_http_cache.get_found_response");
        }
        return stale;
    }

    private static Response foundResponse(int handle, Request request, String backend, boolean hit) {
        return foundResponse(handle, request, backend, hit, null);
    }

    /**
     * The stored response of a cache handle, with X-Cache headers, and for a hit the cache's facts of it (with the
     * failure it stands in for, if any); null when none was found.
     */
    private static Response foundResponse(
            int handle, Request request, String backend, boolean hit, RuntimeException masked) {
        int[] found = HttpCacheGuest.foundResponse(handle);
        if (found == null) {
            return null;
        }
        long hits = hit ? HttpCacheGuest.hits(handle) : 0;
        Response response = new Response(found[0], found[1], backend);
        CacheFacts.Source facts = request.cacheOptions().factsSource();
        if (hit && facts != null) {
            response.cacheFacts(facts.read(handle, masked));
        }
        markForClient(response, request, hit, hits);
        return response;
    }

    private static Response uncachedResponse(CandidateResponse candidate, Request request, String backend) {
        int body = candidate.bodyHandle();
        if (candidate.transform() != null) {
            body = HttpBodyGuest.create();
            writeBody(candidate, body, false);
        }
        Response response = new Response(candidate.responseHandle(), body, backend);
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
    private static void writeBody(CandidateResponse candidate, int target, boolean end) {
        BodyTransform transform = candidate.transform();
        if (transform == null) {
            HttpBodyGuest.append(target, candidate.bodyHandle());
            if (end) {
                HttpBodyGuest.end(target);
            }
            return;
        }
        BodyInput in = BodyInput.of(candidate.bodyHandle());
        try {
            transform.transform(in, new HostBodyOutput(target));
            in.close();
            if (end) {
                HttpBodyGuest.end(target);
            }
        } catch (IOException e) {
            HttpBodyGuest.abandon(target);
            in.close();
            throw new UncheckedIOException("body transform failed", e);
        } catch (RuntimeException e) {
            HttpBodyGuest.abandon(target);
            in.close();
            throw e;
        }
    }

    private static void closeCandidate(CandidateResponse candidate) {
        HttpBodyGuest.closeQuietly(candidate.bodyHandle());
        HttpRespGuest.closeQuietly(candidate.responseHandle());
    }

    private static String method(int req) {
        String m = HttpReqGuest.method(req);
        return m == null ? "GET" : m;
    }

    private static String uri(int req) {
        String u = HttpReqGuest.uri(req);
        return u == null ? "/" : u;
    }

    /** Writes a request's method, URL and headers into a host request handle. */
    private static void writeRequest(int req, Request r) {
        HttpReqGuest.setMethod(req, r.method());
        HttpReqGuest.setUri(req, r.url());
        Headers now = r.headers();
        for (String name : HostHeaders.readRequest(req).names()) {
            if (!now.contains(name)) {
                HttpReqGuest.removeHeader(req, name);
            }
        }
        HostHeaders.writeRequest(req, now);
    }

    /** An output stream into a host body. */
    private static final class HostBodyOutput extends OutputStream {
        private final int body;

        HostBodyOutput(int body) {
            this.body = body;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            HttpBodyGuest.writeAll(body, b, off, len);
        }
    }
}
