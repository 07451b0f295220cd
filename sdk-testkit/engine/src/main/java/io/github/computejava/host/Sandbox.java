package io.github.computejava.host;

import io.github.computejava.abi.CacheLookupOptions;
import io.github.computejava.abi.CacheReplaceOptions;
import io.github.computejava.abi.CacheWriteOptions;
import io.github.computejava.abi.DynamicBackendRecord;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.abi.HttpCacheLookupOptions;
import io.github.computejava.abi.HttpCacheWriteOptions;
import io.github.computejava.abi.KvInsertConfig;
import io.github.computejava.abi.UncaughtListener;
import io.github.computejava.host.cache.CacheCalls;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One program instance serving one client request: its handles and the hostcalls that act on them. Both doors
 * drive it: the testkit attaches it to a thread as the SDK's {@link Hostcalls}; the local server calls it from
 * the Wasm imports after copying guest memory in and out.
 *
 * <p>Every method returns a {@code fastly_status}; a guest mistake (bad handle, bad argument) is a status, never
 * an exception. A sandbox is used by one guest thread at a time.
 */
public class Sandbox implements Hostcalls, UncaughtListener {
    /** {@code body_write_end.front}. */
    static final int END_FRONT = 1;

    private final HostEngine engine;
    // the downstream fields change when a reused sandbox accepts its next request (next_request_wait)
    private DownstreamRequest downstream;
    private DownstreamResponder responder;
    private final HandleTable handles;
    private final ByteBudget bodyBudget;
    private int backendRequests;
    private int dictionaryLookups;
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private int downstreamRequestHandle;
    private int downstreamBodyHandle;
    private boolean responded;
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private final CacheCalls cache;
    private final HttpCacheCalls httpCache;
    private RequestHostcalls requestHostcalls;
    private ResponseHostcalls responseHostcalls;
    private BodyHostcalls bodyHostcalls;
    private DownstreamHostcalls downstreamHostcalls;
    private BackendHostcalls backendHostcalls;
    private StoreHostcalls storeHostcalls;
    private AsyncIoHostcalls asyncIoHostcalls;

    /** A request handle's state. */
    static final class HostRequest {
        RequestHead head;
        CacheOverride cacheOverride = CacheOverride.NONE;
        int autoDecompress;
        final boolean downstream;
        /** The client request this handle stands for, when {@link #downstream}. */
        DownstreamRequest client;

        HostRequest(RequestHead head, boolean downstream) {
            this.head = head;
            this.downstream = downstream;
        }
    }

    /** A response handle's state. */
    static final class HostResponse {
        ResponseHead head;
        String backend;
        /** For a stored response a 304 revalidated: the 304's headers, which give its freshness; else null. */
        HeaderList freshnessHeaders;

        HostResponse(ResponseHead head) {
            this.head = head;
        }
    }

    /** A request sent with {@code send_async*}, answered on another thread. */
    static final class PendingRequest implements AsyncItem {
        final AsyncSend send;
        final CompletableFuture<UpstreamResponse> future;
        final String backend;
        /** Header edits queued by {@code pending_req_header_*}: {kind, op, name, value}. */
        final List<String[]> headerEdits = new ArrayList<>();
        /** Whether the response should be decompressed ({@code auto_decompress_response_set}). */
        int autoDecompress;

        PendingRequest(AsyncSend send, String backend) {
            this.send = send;
            this.future = send.future();
            this.backend = backend;
        }

        /** Ready when the response head arrived (or the send failed). */
        @Override
        public boolean isReady() {
            return future.isDone();
        }
    }

    /** A {@code fastly_log} endpoint. */
    static final class LogEndpoint {
        final String name;

        LogEndpoint(String name) {
            this.name = name;
        }
    }

    /** An open config store (or dictionary). */
    static final class ConfigStore {
        final Map<String, String> entries;

        ConfigStore(Map<String, String> entries) {
            this.entries = entries;
        }
    }

    protected Sandbox(HostEngine engine, DownstreamRequest downstream, DownstreamResponder responder) {
        this.engine = engine;
        this.downstream = downstream;
        this.responder = responder;
        this.handles = new HandleTable(engine.limits().handles());
        this.bodyBudget = new ByteBudget("buffered body bytes", engine.limits().bufferedBodyBytes(), null);
        HostRequest downstreamRequest = new HostRequest(downstream.head(), true);
        downstreamRequest.client = downstream;
        this.downstreamRequestHandle = handles.add(downstreamRequest);
        this.downstreamBodyHandle = handles.add(downstream.body());
        this.httpCache = new HttpCacheCalls(engine.readthrough(), handles);
        this.cache = new CacheCalls(engine.cacheStore(), handles, h -> {
            HostRequest r = handles.get(h, HostRequest.class);
            return r == null ? null : r.head.headers.copy();
        });
    }

    public HostEngine engine() {
        return engine;
    }

    public DownstreamRequest downstream() {
        return downstream;
    }

    /** Whether the program has sent its response. */
    public boolean responded() {
        return responded;
    }

    /**
     * Ends the sandbox after the program returns: streaming bodies still open are abandoned (the client sees
     * an incomplete response), requests sent asynchronously and never waited for are abandoned (see {@link
     * AsyncSend}), and every other handle is released.
     */
    public void finish() {
        cache.finish();
        httpCache.finish();
        if (downstreamHostcalls != null) {
            downstreamHostcalls.finish();
        }
        for (Object o : handles.all()) {
            if (o instanceof BodyBuffer) {
                BodyBuffer body = (BodyBuffer) o;
                if (body.isStreaming() && !body.isComplete()) {
                    body.abandon();
                } else if (!body.isStreaming()) {
                    body.discard();
                }
            } else if (o instanceof PendingRequest) {
                ((PendingRequest) o).send.abandon();
            }
        }
    }

    // ---- fastly_abi

    @Override
    public int abiInit(long abiVersion) {
        return abiVersion == 1 ? FastlyStatus.OK : FastlyStatus.INVAL;
    }

    // ---- fastly_http_body

    @Override
    public int bodyNew(int[] bodyOut) {
        if (handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        bodyOut[0] = handles.add(new BodyBuffer());
        return FastlyStatus.OK;
    }

    @Override
    public int bodyRead(int body, byte[] buf, int off, int len, int[] nreadOut) {
        BodyBuffer b = handles.get(body, BodyBuffer.class);
        if (b == null || b.isStreaming()) {
            return FastlyStatus.BADF;
        }
        try {
            int n = b.read(buf, off, len);
            nreadOut[0] = Math.max(n, 0);
            return FastlyStatus.OK;
        } catch (BodyBuffer.BodyAbandonedException e) {
            return FastlyStatus.HTTPINCOMPLETE;
        } catch (IOException e) {
            return FastlyStatus.ERROR;
        }
    }

    @Override
    public int bodyWrite(int body, byte[] buf, int off, int len, int end, int[] nwrittenOut) {
        BodyBuffer b = handles.get(body, BodyBuffer.class);
        if (b == null) {
            return FastlyStatus.BADF;
        }
        if (end != 0 && end != END_FRONT) {
            return FastlyStatus.INVAL;
        }
        try {
            if (b.write(buf, off, len, end == END_FRONT, bodyBudget) != null) {
                refuse("a body write of " + len + " bytes was refused: the program holds "
                        + bodyBudget.used() + " bytes in bodies nobody has read, and the limit is "
                        + bodyBudget.capacity() + " (limits.buffered_body_mb)");
                return FastlyStatus.LIMITEXCEEDED;
            }
            nwrittenOut[0] = len;
            return FastlyStatus.OK;
        } catch (IllegalStateException e) {
            return FastlyStatus.BADF;
        } catch (IOException e) {
            return FastlyStatus.ERROR;
        }
    }

    @Override
    public int bodyAppend(int dest, int src) {
        BodyBuffer d = handles.get(dest, BodyBuffer.class);
        BodyBuffer s = handles.get(src, BodyBuffer.class);
        if (d == null || s == null || dest == src) {
            return FastlyStatus.BADF;
        }
        try {
            d.append(s);
        } catch (IllegalStateException e) {
            return FastlyStatus.BADF;
        }
        handles.remove(src);
        return FastlyStatus.OK;
    }

    @Override
    public int bodyClose(int body) {
        BodyBuffer b = handles.take(body, BodyBuffer.class);
        if (b == null) {
            return FastlyStatus.BADF;
        }
        if (b.isStreaming()) {
            b.close();
            cache.bodyEnded(b);
        } else {
            b.discard();
        }
        return FastlyStatus.OK;
    }

    @Override
    public int bodyAbandon(int body) {
        BodyBuffer b = handles.take(body, BodyBuffer.class);
        if (b == null) {
            return FastlyStatus.BADF;
        }
        b.abandon();
        cache.bodyEnded(b);
        return FastlyStatus.OK;
    }

    @Override
    public int bodyKnownLength(int body, long[] lengthOut) {
        BodyBuffer b = handles.get(body, BodyBuffer.class);
        if (b == null) {
            return FastlyStatus.BADF;
        }
        long n = b.knownLength();
        if (n < 0) {
            return FastlyStatus.NONE;
        }
        lengthOut[0] = n;
        return FastlyStatus.OK;
    }

    // ---- fastly_log

    @Override
    public int logEndpointGet(byte[] name, int[] endpointOut) {
        String n = Buffers.latin1(name);
        if (n.isEmpty() || !engine.logEndpointAllowed(n)) {
            return FastlyStatus.INVAL;
        }
        if (handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        endpointOut[0] = handles.add(new LogEndpoint(n));
        return FastlyStatus.OK;
    }

    @Override
    public int logWrite(int endpoint, byte[] msg, int off, int len, int[] nwrittenOut) {
        LogEndpoint e = handles.get(endpoint, LogEndpoint.class);
        if (e == null) {
            return FastlyStatus.BADF;
        }
        engine.log(this, e.name, new String(msg, off, len, java.nio.charset.StandardCharsets.UTF_8));
        nwrittenOut[0] = len;
        return FastlyStatus.OK;
    }

    // ---- fastly_http_req

    @Override
    public int reqBodyDownstreamGet(int[] reqOut, int[] bodyOut) {
        if (handles.get(downstreamRequestHandle, HostRequest.class) == null) {
            return FastlyStatus.BADF;
        }
        reqOut[0] = downstreamRequestHandle;
        bodyOut[0] = downstreamBodyHandle;
        return FastlyStatus.OK;
    }

    @Override
    public int reqNew(int[] reqOut) {
        if (handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        reqOut[0] = handles.add(new HostRequest(new RequestHead(), false));
        return FastlyStatus.OK;
    }

    @Override
    public int reqClose(int req) {
        return handles.take(req, HostRequest.class) == null ? FastlyStatus.BADF : FastlyStatus.OK;
    }

    @Override
    public int reqMethodGet(int req, byte[] buf, int len, int[] nwrittenOut) {
        HostRequest r = handles.get(req, HostRequest.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        return Buffers.single(Buffers.latin1(r.head.method), buf, len, nwrittenOut);
    }

    @Override
    public int reqMethodSet(int req, byte[] method) {
        HostRequest r = handles.get(req, HostRequest.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        String m = Buffers.latin1(method);
        if (!HeaderList.isValidName(m)) {
            return FastlyStatus.HTTPINVALID;
        }
        r.head.method = m;
        return FastlyStatus.OK;
    }

    @Override
    public int reqUriGet(int req, byte[] buf, int len, int[] nwrittenOut) {
        HostRequest r = handles.get(req, HostRequest.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        return Buffers.single(Buffers.latin1(r.head.uri), buf, len, nwrittenOut);
    }

    @Override
    public int reqUriSet(int req, byte[] uri) {
        HostRequest r = handles.get(req, HostRequest.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        String u = Buffers.latin1(uri);
        if (!Uris.isValid(u)) {
            return FastlyStatus.HTTPINVALID;
        }
        r.head.uri = u;
        return FastlyStatus.OK;
    }

    @Override
    public int reqVersionGet(int req, int[] versionOut) {
        return HeadCalls.versionGet(requestHead(req), versionOut);
    }

    @Override
    public int reqVersionSet(int req, int version) {
        return HeadCalls.versionSet(requestHead(req), version);
    }

    @Override
    public int reqHeaderNamesGet(int req, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
        return HeadCalls.namesGet(requestHeaders(req), buf, len, cursor, endingCursorOut, nwrittenOut);
    }

    @Override
    public int reqHeaderValuesGet(
            int req, byte[] name, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
        return HeadCalls.valuesGet(requestHeaders(req), name, buf, len, cursor, endingCursorOut, nwrittenOut);
    }

    @Override
    public int reqHeaderValuesSet(int req, byte[] name, byte[] values, int valuesLen) {
        return HeadCalls.valuesSet(requestHeaders(req), name, values, valuesLen);
    }

    @Override
    public int reqHeaderInsert(int req, byte[] name, byte[] value) {
        return HeadCalls.insert(requestHeaders(req), name, value, false);
    }

    @Override
    public int reqHeaderAppend(int req, byte[] name, byte[] value) {
        return HeadCalls.insert(requestHeaders(req), name, value, true);
    }

    @Override
    public int reqHeaderRemove(int req, byte[] name) {
        return HeadCalls.remove(requestHeaders(req), name);
    }

    @Override
    public int reqCacheOverrideV2Set(int req, int tag, int ttl, int staleWhileRevalidate, byte[] surrogateKey) {
        HostRequest r = handles.get(req, HostRequest.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        if ((tag & ~0xF) != 0) {
            return FastlyStatus.INVAL;
        }
        String sk = surrogateKey.length == 0 ? null : Buffers.latin1(surrogateKey);
        r.cacheOverride = new CacheOverride(tag, ttl, staleWhileRevalidate, sk);
        return FastlyStatus.OK;
    }

    @Override
    public int reqFramingHeadersModeSet(int req, int mode) {
        return HeadCalls.framingModeSet(requestHead(req), mode);
    }

    @Override
    public int reqAutoDecompressResponseSet(int req, int encodings) {
        HostRequest r = handles.get(req, HostRequest.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        if ((encodings & ~1) != 0) {
            return FastlyStatus.INVAL;
        }
        r.autoDecompress = encodings;
        return FastlyStatus.OK;
    }

    @Override
    public int reqSendV2(int req, int body, byte[] backend, byte[] errorDetail, int[] respOut, int[] respBodyOut) {
        return request().send(req, body, backend, errorDetail, respOut, respBodyOut, false);
    }

    @Override
    public int reqSendAsyncStreaming(int req, int body, byte[] backend, int[] pendingOut) {
        return request().sendAsync(req, body, backend, true, false, pendingOut);
    }

    @Override
    public int reqPendingReqWaitV2(int pending, byte[] errorDetail, int[] respOut, int[] respBodyOut) {
        return request().pendingWait(pending, errorDetail, respOut, respBodyOut);
    }

    // ---- fastly_http_downstream

    @Override
    public int downstreamClientIpAddr(int req, byte[] octets16, int[] nwrittenOut) {
        HostRequest r = handles.get(req, HostRequest.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        if (!r.downstream) {
            return FastlyStatus.NONE;
        }
        byte[] ip = r.client.clientAddress();
        System.arraycopy(ip, 0, octets16, 0, ip.length);
        nwrittenOut[0] = ip.length;
        return FastlyStatus.OK;
    }

    @Override
    public int downstreamNextRequest(int mask, long timeoutMillis, int[] promiseOut) {
        // next_request_options_mask.timeout; a u64 beyond the s64 range waits as long as the host allows
        long timeout = (mask & (1 << 1)) != 0 ? (timeoutMillis < 0 ? Long.MAX_VALUE : timeoutMillis) : -1;
        return downstreamCalls().nextRequest(timeout, promiseOut);
    }

    @Override
    public int downstreamNextRequestWait(int promise, int[] reqOut, int[] bodyOut) {
        return downstreamCalls().nextRequestWait(promise, reqOut, bodyOut);
    }

    @Override
    public int downstreamNextRequestAbandon(int promise) {
        return downstreamCalls().nextRequestAbandon(promise);
    }

    // ---- fastly_http_resp

    @Override
    public int respNew(int[] respOut) {
        if (handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        respOut[0] = handles.add(new HostResponse(new ResponseHead()));
        return FastlyStatus.OK;
    }

    @Override
    public int respClose(int resp) {
        return handles.take(resp, HostResponse.class) == null ? FastlyStatus.BADF : FastlyStatus.OK;
    }

    @Override
    public int respStatusGet(int resp, int[] statusOut) {
        HostResponse r = handles.get(resp, HostResponse.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        statusOut[0] = r.head.status;
        return FastlyStatus.OK;
    }

    @Override
    public int respStatusSet(int resp, int status) {
        HostResponse r = handles.get(resp, HostResponse.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        if (status < 100 || status > 999) {
            return FastlyStatus.HTTPINVALIDSTATUS;
        }
        r.head.status = status;
        return FastlyStatus.OK;
    }

    @Override
    public int respHeaderNamesGet(
            int resp, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
        return HeadCalls.namesGet(responseHeaders(resp), buf, len, cursor, endingCursorOut, nwrittenOut);
    }

    @Override
    public int respHeaderValuesGet(
            int resp, byte[] name, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
        return HeadCalls.valuesGet(responseHeaders(resp), name, buf, len, cursor, endingCursorOut, nwrittenOut);
    }

    @Override
    public int respHeaderValuesSet(int resp, byte[] name, byte[] values, int valuesLen) {
        return HeadCalls.valuesSet(responseHeaders(resp), name, values, valuesLen);
    }

    @Override
    public int respHeaderInsert(int resp, byte[] name, byte[] value) {
        return HeadCalls.insert(responseHeaders(resp), name, value, false);
    }

    @Override
    public int respHeaderAppend(int resp, byte[] name, byte[] value) {
        return HeadCalls.insert(responseHeaders(resp), name, value, true);
    }

    @Override
    public int respHeaderRemove(int resp, byte[] name) {
        return HeadCalls.remove(responseHeaders(resp), name);
    }

    @Override
    public int respSendDownstream(int resp, int body, int streaming) {
        HostResponse r = handles.get(resp, HostResponse.class);
        BodyBuffer b = handles.get(body, BodyBuffer.class);
        if (r == null || b == null) {
            return FastlyStatus.BADF;
        }
        if (!markResponded()) {
            return FastlyStatus.ERROR;
        }
        handles.remove(resp);
        if (streaming != 0) {
            b.startStreaming();
        } else {
            handles.remove(body);
            b.close();
        }
        responder.respond(r.head, b, streaming != 0);
        return FastlyStatus.OK;
    }

    @Override
    public int respFramingHeadersModeSet(int resp, int mode) {
        return HeadCalls.framingModeSet(responseHead(resp), mode);
    }

    // ---- fastly_backend

    @Override
    public int backendExists(byte[] backend, int[] existsOut) {
        existsOut[0] = engine.backend(Buffers.latin1(backend)) != null ? 1 : 0;
        return FastlyStatus.OK;
    }

    // ---- fastly_config_store

    @Override
    public int configStoreOpen(byte[] name, int[] storeOut) {
        Map<String, String> store = engine.configStore(Buffers.latin1(name));
        if (store == null) {
            return FastlyStatus.BADF;
        }
        if (handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        storeOut[0] = handles.add(new ConfigStore(store));
        return FastlyStatus.OK;
    }

    @Override
    public int configStoreGet(int store, byte[] key, byte[] buf, int len, int[] nwrittenOut) {
        ConfigStore s = handles.get(store, ConfigStore.class);
        if (s == null) {
            return FastlyStatus.BADF;
        }
        String value = s.entries.get(new String(key, java.nio.charset.StandardCharsets.UTF_8));
        if (value == null) {
            dictionaryLookups++;
            return FastlyStatus.NONE;
        }
        int status = Buffers.single(value.getBytes(java.nio.charset.StandardCharsets.UTF_8), buf, len, nwrittenOut);
        if (status != FastlyStatus.BUFLEN) {
            dictionaryLookups++;
        }
        return status;
    }

    // ---- fastly_cache (implemented by CacheCalls)

    @Override
    public int cacheLookup(byte[] key, int optionsMask, CacheLookupOptions options, int[] handleOut) {
        return cache.lookup(key, optionsMask, options, handleOut);
    }

    @Override
    public int cacheInsert(byte[] key, int optionsMask, CacheWriteOptions options, int[] bodyOut) {
        return cache.insert(key, optionsMask, options, bodyOut);
    }

    @Override
    public int cacheTransactionLookup(byte[] key, int optionsMask, CacheLookupOptions options, int[] handleOut) {
        return cache.transactionLookup(key, optionsMask, options, handleOut);
    }

    @Override
    public int cacheTransactionLookupAsync(byte[] key, int optionsMask, CacheLookupOptions options, int[] busyOut) {
        return cache.transactionLookupAsync(key, optionsMask, options, busyOut);
    }

    @Override
    public int cacheBusyHandleWait(int busy, int[] handleOut) {
        return cache.busyHandleWait(busy, handleOut);
    }

    @Override
    public int cacheTransactionInsert(int handle, int optionsMask, CacheWriteOptions options, int[] bodyOut) {
        return cache.transactionInsert(handle, optionsMask, options, bodyOut);
    }

    @Override
    public int cacheTransactionInsertAndStreamBack(
            int handle, int optionsMask, CacheWriteOptions options, int[] bodyOut, int[] handleOut) {
        return cache.transactionInsertAndStreamBack(handle, optionsMask, options, bodyOut, handleOut);
    }

    @Override
    public int cacheTransactionUpdate(int handle, int optionsMask, CacheWriteOptions options) {
        return cache.transactionUpdate(handle, optionsMask, options);
    }

    @Override
    public int cacheTransactionCancel(int handle) {
        return cache.transactionCancel(handle);
    }

    @Override
    public int cacheCloseBusy(int busy) {
        return cache.closeBusy(busy);
    }

    @Override
    public int cacheClose(int handle) {
        return cache.close(handle);
    }

    @Override
    public int cacheGetState(int handle, int[] stateOut) {
        return cache.getState(handle, stateOut);
    }

    @Override
    public int cacheGetUserMetadata(int handle, byte[] buf, int len, int[] nwrittenOut) {
        return cache.getUserMetadata(handle, buf, len, nwrittenOut);
    }

    @Override
    public int cacheGetBody(int handle, int optionsMask, byte[] options, int[] bodyOut) {
        return cache.getBody(handle, optionsMask, options, bodyOut);
    }

    @Override
    public int cacheGetLength(int handle, long[] lengthOut) {
        return cache.getLength(handle, lengthOut);
    }

    @Override
    public int cacheGetMaxAgeNs(int handle, long[] durationOut) {
        return cache.getMaxAgeNs(handle, durationOut);
    }

    @Override
    public int cacheGetStaleWhileRevalidateNs(int handle, long[] durationOut) {
        return cache.getStaleWhileRevalidateNs(handle, durationOut);
    }

    @Override
    public int cacheGetAgeNs(int handle, long[] durationOut) {
        return cache.getAgeNs(handle, durationOut);
    }

    @Override
    public int cacheGetHits(int handle, long[] hitsOut) {
        return cache.getHits(handle, hitsOut);
    }

    @Override
    public int cacheReplace(byte[] key, int optionsMask, CacheReplaceOptions options, int[] handleOut) {
        return cache.replace(key, optionsMask, options, handleOut);
    }

    @Override
    public int cacheReplaceInsert(int handle, int optionsMask, CacheWriteOptions options, int[] bodyOut) {
        return cache.replaceInsert(handle, optionsMask, options, bodyOut);
    }

    @Override
    public int cacheReplaceGetAgeNs(int handle, long[] durationOut) {
        return cache.replaceGetAgeNs(handle, durationOut);
    }

    @Override
    public int cacheReplaceGetBody(int handle, int optionsMask, byte[] options, int[] bodyOut) {
        return cache.replaceGetBody(handle, optionsMask, options, bodyOut);
    }

    @Override
    public int cacheReplaceGetHits(int handle, long[] hitsOut) {
        return cache.replaceGetHits(handle, hitsOut);
    }

    @Override
    public int cacheReplaceGetLength(int handle, long[] lengthOut) {
        return cache.replaceGetLength(handle, lengthOut);
    }

    @Override
    public int cacheReplaceGetMaxAgeNs(int handle, long[] durationOut) {
        return cache.replaceGetMaxAgeNs(handle, durationOut);
    }

    @Override
    public int cacheReplaceGetStaleWhileRevalidateNs(int handle, long[] durationOut) {
        return cache.replaceGetStaleWhileRevalidateNs(handle, durationOut);
    }

    @Override
    public int cacheReplaceGetState(int handle, int[] stateOut) {
        return cache.replaceGetState(handle, stateOut);
    }

    @Override
    public int cacheReplaceGetUserMetadata(int handle, byte[] buf, int len, int[] nwrittenOut) {
        return cache.replaceGetUserMetadata(handle, buf, len, nwrittenOut);
    }

    // ---- fastly_purge

    @Override
    public int purgeSurrogateKey(
            byte[] surrogateKey, int optionsMask, byte[] retBuf, int retBufLen, int[] nwrittenOut) {
        return cache.purgeSurrogateKey(surrogateKey, optionsMask, retBuf, retBufLen, nwrittenOut);
    }

    // ---- wasi_snapshot_preview1 environment (the JVM door; the Wasm door's WASI serves main.wasm)

    @Override
    public int wasiEnvironSizesGet(int[] countOut, int[] bufSizeOut) {
        byte[] env = environBytes();
        int count = 0;
        for (byte b : env) {
            count += b == 0 ? 1 : 0;
        }
        countOut[0] = count;
        bufSizeOut[0] = env.length;
        return 0;
    }

    @Override
    public int wasiEnvironGet(byte[] buf) {
        byte[] env = environBytes();
        if (buf.length < env.length) {
            return 28; // einval
        }
        System.arraycopy(env, 0, buf, 0, env.length);
        return 0;
    }

    private byte[] environBytes() {
        StringBuilder sb = new StringBuilder();
        String traceId = Integer.toHexString(System.identityHashCode(this));
        for (Map.Entry<String, String> e : engine.environment(traceId).entrySet()) {
            sb.append(e.getKey()).append('=').append(e.getValue()).append('\0');
        }
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---- wasi_snapshot_preview1 clock (the JVM door): both clocks read the engine's, as the Wasm door's WASI does

    @Override
    public int wasiClockTimeGet(int clockId, long precision, long[] timeOut) {
        if (clockId != 0 && clockId != 1) {
            return clockId == 2 || clockId == 3 ? 58 : 28; // enotsup for the CPU-time clocks, else einval
        }
        java.time.Instant now = engine.clock().instant();
        timeOut[0] = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        return 0;
    }

    // ---- fastly_http_cache (implemented by HttpCacheCalls)

    @Override
    public int httpCacheIsRequestCacheable(int req, int[] cacheableOut) {
        return httpCache.isRequestCacheable(req, cacheableOut);
    }

    @Override
    public int httpCacheGetSuggestedCacheKey(int req, byte[] buf, int len, int[] nwrittenOut) {
        return httpCache.getSuggestedCacheKey(req, buf, len, nwrittenOut);
    }

    @Override
    public int httpCacheLookup(int req, int mask, HttpCacheLookupOptions options, int[] handleOut) {
        return httpCache.lookup(req, mask, options, handleOut);
    }

    @Override
    public int httpCacheTransactionLookup(int req, int mask, HttpCacheLookupOptions options, int[] handleOut) {
        return httpCache.transactionLookup(req, mask, options, handleOut);
    }

    @Override
    public int httpCacheTransactionInsert(
            int handle, int resp, int mask, HttpCacheWriteOptions options, int[] bodyOut) {
        return httpCache.transactionInsert(handle, resp, mask, options, bodyOut);
    }

    @Override
    public int httpCacheTransactionInsertAndStreamBack(
            int handle, int resp, int mask, HttpCacheWriteOptions options, int[] bodyOut, int[] handleOut) {
        return httpCache.transactionInsertAndStreamBack(handle, resp, mask, options, bodyOut, handleOut);
    }

    @Override
    public int httpCacheTransactionUpdate(int handle, int resp, int mask, HttpCacheWriteOptions options) {
        return httpCache.transactionUpdate(handle, resp, mask, options);
    }

    @Override
    public int httpCacheTransactionUpdateAndReturnFresh(
            int handle, int resp, int mask, HttpCacheWriteOptions options, int[] handleOut) {
        return httpCache.transactionUpdateAndReturnFresh(handle, resp, mask, options, handleOut);
    }

    @Override
    public int httpCacheTransactionChooseStale(int handle) {
        return httpCache.transactionChooseStale(handle);
    }

    @Override
    public int httpCacheTransactionRecordNotCacheable(int handle, int mask, HttpCacheWriteOptions options) {
        return httpCache.transactionRecordNotCacheable(handle, mask, options);
    }

    @Override
    public int httpCacheTransactionAbandon(int handle) {
        return httpCache.transactionAbandon(handle);
    }

    @Override
    public int httpCacheClose(int handle) {
        return httpCache.close(handle);
    }

    @Override
    public int httpCacheGetSuggestedBackendRequest(int handle, int[] reqOut) {
        return httpCache.getSuggestedBackendRequest(handle, reqOut);
    }

    @Override
    public int httpCacheGetSuggestedCacheOptions(
            int handle,
            int resp,
            int mask,
            HttpCacheWriteOptions options,
            int[] maskOut,
            HttpCacheWriteOptions optionsOut) {
        return httpCache.getSuggestedCacheOptions(handle, resp, mask, options, maskOut, optionsOut);
    }

    @Override
    public int httpCachePrepareResponseForStorage(int handle, int resp, int[] actionOut, int[] respOut) {
        return httpCache.prepareResponseForStorage(handle, resp, actionOut, respOut);
    }

    @Override
    public int httpCacheGetFoundResponse(int handle, int transformForClient, int[] respOut, int[] bodyOut) {
        return httpCache.getFoundResponse(handle, transformForClient, respOut, bodyOut);
    }

    @Override
    public int httpCacheGetState(int handle, int[] stateOut) {
        return httpCache.getState(handle, stateOut);
    }

    @Override
    public int httpCacheGetLength(int handle, long[] lengthOut) {
        return httpCache.getLength(handle, lengthOut);
    }

    @Override
    public int httpCacheGetMaxAgeNs(int handle, long[] durationOut) {
        return httpCache.getMaxAgeNs(handle, durationOut);
    }

    @Override
    public int httpCacheGetStaleWhileRevalidateNs(int handle, long[] durationOut) {
        return httpCache.getStaleWhileRevalidateNs(handle, durationOut);
    }

    @Override
    public int httpCacheGetStaleIfErrorNs(int handle, long[] durationOut) {
        return httpCache.getStaleIfErrorNs(handle, durationOut);
    }

    @Override
    public int httpCacheGetAgeNs(int handle, long[] durationOut) {
        return httpCache.getAgeNs(handle, durationOut);
    }

    @Override
    public int httpCacheGetHits(int handle, long[] hitsOut) {
        return httpCache.getHits(handle, hitsOut);
    }

    @Override
    public int httpCacheGetSensitiveData(int handle, int[] sensitiveOut) {
        return httpCache.getSensitiveData(handle, sensitiveOut);
    }

    @Override
    public int httpCacheGetSurrogateKeys(int handle, byte[] buf, int len, int[] nwrittenOut) {
        return httpCache.getSurrogateKeys(handle, buf, len, nwrittenOut);
    }

    @Override
    public int httpCacheGetVaryRule(int handle, byte[] buf, int len, int[] nwrittenOut) {
        return httpCache.getVaryRule(handle, buf, len, nwrittenOut);
    }

    // ---- the heads behind request and response handles (HeadCalls answers badf for null)

    /** The head of request handle {@code req}, or null when it is not one. */
    RequestHead requestHead(int req) {
        HostRequest r = handles.get(req, HostRequest.class);
        return r == null ? null : r.head;
    }

    /** The head of response handle {@code resp}, or null when it is not one. */
    ResponseHead responseHead(int resp) {
        HostResponse r = handles.get(resp, HostResponse.class);
        return r == null ? null : r.head;
    }

    private HeaderList requestHeaders(int req) {
        return HeadCalls.headers(requestHead(req));
    }

    private HeaderList responseHeaders(int resp) {
        return HeadCalls.headers(responseHead(resp));
    }

    /** The handle table, for subclasses and the Wasm door's extra hostcalls. */
    HandleTable handles() {
        return handles;
    }

    // ---- fastly_http_req: dynamic backends (the SDK's record, decoded; both doors meet in BackendHostcalls)

    @Override
    public int reqRegisterDynamicBackend(byte[] name, byte[] target, int mask, DynamicBackendRecord r) {
        DynamicBackendRecord c = r == null ? new DynamicBackendRecord() : r;
        boolean keepalive = (mask & BackendHostcalls.KEEPALIVE) != 0;
        return backends()
                .registerDynamicBackend(
                        Buffers.latin1(name),
                        Buffers.latin1(target),
                        mask,
                        new DynamicBackendConfig(
                                (mask & BackendHostcalls.HOST_OVERRIDE) != 0 ? text(c.hostOverride) : null,
                                (mask & BackendHostcalls.CONNECT_TIMEOUT) != 0 ? c.connectTimeoutMs : 0,
                                (mask & BackendHostcalls.FIRST_BYTE_TIMEOUT) != 0 ? c.firstByteTimeoutMs : 0,
                                (mask & BackendHostcalls.BETWEEN_BYTES_TIMEOUT) != 0 ? c.betweenBytesTimeoutMs : 0,
                                (mask & BackendHostcalls.CERT_HOSTNAME) != 0 ? text(c.certHostname) : null,
                                (mask & BackendHostcalls.SNI_HOSTNAME) != 0
                                        ? (c.sniHostname == null ? "" : text(c.sniHostname))
                                        : null,
                                (mask & BackendHostcalls.SSL_MIN_VERSION) != 0 ? c.sslMinVersion : -1,
                                (mask & BackendHostcalls.SSL_MAX_VERSION) != 0 ? c.sslMaxVersion : -1,
                                keepalive ? c.httpKeepaliveTimeMs : 0,
                                keepalive && c.tcpKeepaliveEnable != 0,
                                keepalive ? c.tcpKeepaliveIntervalSecs : 0,
                                keepalive ? c.tcpKeepaliveProbes : 0,
                                keepalive ? c.tcpKeepaliveTimeSecs : 0));
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---- fastly_backend: getters

    @Override
    public int backendGetHost(byte[] backend, byte[] buf, int len, int[] nwrittenOut) {
        return backends().host(backend, buf, len, nwrittenOut);
    }

    @Override
    public int backendGetOverrideHost(byte[] backend, byte[] buf, int len, int[] nwrittenOut) {
        return backends().overrideHost(backend, buf, len, nwrittenOut);
    }

    @Override
    public int backendIsHealthy(byte[] backend, int[] out) {
        return backends().isHealthy(backend, out);
    }

    @Override
    public int backendIsDynamic(byte[] backend, int[] out) {
        return backends().isDynamic(backend, out);
    }

    @Override
    public int backendGetPort(byte[] backend, int[] out) {
        return backends().port(backend, out);
    }

    @Override
    public int backendGetConnectTimeoutMs(byte[] backend, int[] out) {
        return backends().connectTimeoutMs(backend, out);
    }

    @Override
    public int backendGetFirstByteTimeoutMs(byte[] backend, int[] out) {
        return backends().firstByteTimeoutMs(backend, out);
    }

    @Override
    public int backendGetBetweenBytesTimeoutMs(byte[] backend, int[] out) {
        return backends().betweenBytesTimeoutMs(backend, out);
    }

    @Override
    public int backendGetHttpKeepaliveTime(byte[] backend, int[] out) {
        return backends().httpKeepaliveTime(backend, out);
    }

    @Override
    public int backendGetTcpKeepaliveEnable(byte[] backend, int[] out) {
        return backends().tcpKeepaliveEnable(backend, out);
    }

    @Override
    public int backendGetTcpKeepaliveInterval(byte[] backend, int[] out) {
        return backends().tcpKeepaliveInterval(backend, out);
    }

    @Override
    public int backendGetTcpKeepaliveProbes(byte[] backend, int[] out) {
        return backends().tcpKeepaliveProbes(backend, out);
    }

    @Override
    public int backendGetTcpKeepaliveTime(byte[] backend, int[] out) {
        return backends().tcpKeepaliveTime(backend, out);
    }

    @Override
    public int backendIsSsl(byte[] backend, int[] out) {
        return backends().isSsl(backend, out);
    }

    @Override
    public int backendGetSslMinVersion(byte[] backend, int[] out) {
        return backends().sslVersion(backend, false, out);
    }

    @Override
    public int backendGetSslMaxVersion(byte[] backend, int[] out) {
        return backends().sslVersion(backend, true, out);
    }

    // ---- fastly_kv_store (over StoreHostcalls, as the Wasm door)

    @Override
    public int kvStoreOpen(byte[] name, int[] storeOut) {
        return stores().kvOpen(name, storeOut);
    }

    @Override
    public int kvStoreLookup(int store, byte[] key, int mask, byte[] config, int[] lookupOut) {
        return stores().kvLookup(store, key, lookupOut);
    }

    @Override
    public int kvStoreLookupWaitV2(
            int lookup,
            int[] bodyOut,
            byte[] metadataBuf,
            int metadataLen,
            int[] nwrittenOut,
            long[] generationOut,
            int[] kvErrorOut) {
        long[] out = {FastlyStatus.INVALID_HANDLE, 0, 0};
        int status = stores().kvLookupWait(lookup, metadataBuf, metadataLen, nwrittenOut, out);
        if (status == FastlyStatus.OK) {
            bodyOut[0] = (int) out[0];
            generationOut[0] = out[1];
            kvErrorOut[0] = (int) out[2];
        }
        return status;
    }

    @Override
    public int kvStoreInsert(int store, byte[] key, int body, int mask, KvInsertConfig config, int[] insertOut) {
        KvInsertConfig c = config == null ? new KvInsertConfig() : config;
        byte[] metadata = (mask & KvInsertConfig.METADATA) != 0 ? c.metadata : null;
        long ttl = (mask & KvInsertConfig.TIME_TO_LIVE_SEC) != 0 ? c.timeToLiveSec & 0xFFFFFFFFL : -1;
        Long ifGeneration = (mask & KvInsertConfig.IF_GENERATION_MATCH) != 0 ? c.ifGenerationMatch : null;
        return stores().kvInsert(store, key, body, c.mode, metadata, ttl, ifGeneration, insertOut);
    }

    @Override
    public int kvStoreInsertWait(int insert, int[] kvErrorOut) {
        return stores().kvOutcomeWait(insert, kvErrorOut);
    }

    @Override
    public int kvStoreDelete(int store, byte[] key, int mask, byte[] config, int[] deleteOut) {
        return stores().kvDelete(store, key, deleteOut);
    }

    @Override
    public int kvStoreDeleteWait(int delete, int[] kvErrorOut) {
        return stores().kvOutcomeWait(delete, kvErrorOut);
    }

    @Override
    public int kvStoreList(int store, int mask, int mode, byte[] cursor, int limit, byte[] prefix, int[] listOut) {
        // kv_list_config_options: cursor 2, limit 4, prefix 8; as the Wasm door, an empty cursor or prefix is inval
        String c = (mask & 2) != 0 ? listText(cursor) : null;
        String p = (mask & 8) != 0 ? listText(prefix) : null;
        if ((c == null && (mask & 2) != 0) || (p == null && (mask & 8) != 0)) {
            return FastlyStatus.INVAL;
        }
        return stores().kvList(store, c, p, (mask & 4) != 0 ? limit : 0, listOut);
    }

    @Override
    public int kvStoreListWait(int list, int[] bodyOut, int[] kvErrorOut) {
        return stores().kvListWait(list, bodyOut, kvErrorOut);
    }

    private static String listText(byte[] text) {
        return text == null || text.length == 0 ? null : new String(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---- fastly_secret_store (over StoreHostcalls, as the Wasm door)

    @Override
    public int secretStoreOpen(byte[] name, int[] storeOut) {
        return stores().secretStoreOpen(name, storeOut);
    }

    @Override
    public int secretStoreGet(int store, byte[] key, int[] secretOut) {
        return stores().secretGet(store, key, secretOut);
    }

    @Override
    public int secretStorePlaintext(int secret, byte[] buf, int len, int[] nwrittenOut) {
        return stores().secretPlaintext(secret, buf, len, nwrittenOut);
    }

    @Override
    public int secretStoreFromBytes(byte[] bytes, int[] secretOut) {
        return stores().secretFromBytes(bytes, secretOut);
    }

    // ---- fastly_geo and fastly_erl (over GeoHostcalls and RateLimitHostcalls, as the Wasm door)

    @Override
    public int geoLookup(byte[] addrOctets, int addrLen, byte[] buf, int len, int[] nwrittenOut) {
        if (addrLen < 0 || addrLen > addrOctets.length) {
            return FastlyStatus.INVAL;
        }
        return new GeoHostcalls(engine.geolocation()).lookup(addrOctets, addrLen, buf, len, nwrittenOut);
    }

    @Override
    public int erlCheckRate(
            byte[] rateCounter,
            byte[] entry,
            int delta,
            int window,
            int limit,
            byte[] penaltyBox,
            int ttl,
            int[] blockedOut) {
        return rateLimit()
                .checkRate(
                        erlText(rateCounter),
                        erlText(entry),
                        delta,
                        window,
                        limit,
                        erlText(penaltyBox),
                        ttl,
                        blockedOut);
    }

    @Override
    public int erlRatecounterIncrement(byte[] rateCounter, byte[] entry, int delta) {
        return rateLimit().increment(erlText(rateCounter), erlText(entry), delta);
    }

    @Override
    public int erlRatecounterLookupRate(byte[] rateCounter, byte[] entry, int window, int[] rateOut) {
        return rateLimit().lookupRate(erlText(rateCounter), erlText(entry), window, rateOut);
    }

    @Override
    public int erlRatecounterLookupCount(byte[] rateCounter, byte[] entry, int duration, int[] countOut) {
        return rateLimit().lookupCount(erlText(rateCounter), erlText(entry), duration, countOut);
    }

    @Override
    public int erlPenaltyboxAdd(byte[] penaltyBox, byte[] entry, int ttl) {
        return rateLimit().penaltyBoxAdd(erlText(penaltyBox), erlText(entry), ttl);
    }

    @Override
    public int erlPenaltyboxHas(byte[] penaltyBox, byte[] entry, int[] hasOut) {
        return rateLimit().penaltyBoxHas(erlText(penaltyBox), erlText(entry), hasOut);
    }

    private RateLimitHostcalls rateLimit() {
        return new RateLimitHostcalls(engine.rateCounters());
    }

    private static String erlText(byte[] utf8) {
        return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---- fastly_acl (over AclHostcalls, as the Wasm door)

    @Override
    public int aclOpen(byte[] name, int[] aclOut) {
        return acls().open(name, aclOut);
    }

    @Override
    public int aclLookup(int acl, byte[] ipOctets, int ipLen, int[] bodyOut, int[] aclErrorOut) {
        return acls().lookup(acl, ipOctets, ipLen, bodyOut, aclErrorOut);
    }

    /** {@code fastly_acl}: opening ACLs and looking addresses up. */
    public AclHostcalls acls() {
        return new AclHostcalls(this);
    }

    // ---- the JVM door: what the program threw

    @Override
    public void uncaught(Throwable t) {
        uncaught.add(t);
    }

    /** What the program's handler threw out of {@code Compute.serve}, in order (JVM door only). */
    public List<Throwable> uncaughtExceptions() {
        return List.copyOf(uncaught);
    }

    // ---- hostcalls beyond Hostcalls, by witx module (the Wasm door uses them; the JVM door can delegate here as
    // the SDK grows)

    /** {@code fastly_http_req} hostcalls: sends, pending requests, single header values, dynamic backends. */
    public RequestHostcalls request() {
        if (requestHostcalls == null) {
            requestHostcalls = new RequestHostcalls(this);
        }
        return requestHostcalls;
    }

    /** {@code fastly_http_resp} hostcalls beyond {@link Hostcalls}. */
    public ResponseHostcalls response() {
        if (responseHostcalls == null) {
            responseHostcalls = new ResponseHostcalls(this);
        }
        return responseHostcalls;
    }

    /** {@code fastly_http_body} hostcalls beyond {@link Hostcalls}: trailers. */
    public BodyHostcalls body() {
        if (bodyHostcalls == null) {
            bodyHostcalls = new BodyHostcalls(this);
        }
        return bodyHostcalls;
    }

    /** {@code fastly_http_downstream} hostcalls: client metadata and request reuse. */
    public DownstreamHostcalls downstreamCalls() {
        if (downstreamHostcalls == null) {
            downstreamHostcalls = new DownstreamHostcalls(this);
        }
        return downstreamHostcalls;
    }

    /** {@code fastly_backend} hostcalls beyond {@link Hostcalls}. */
    public BackendHostcalls backends() {
        if (backendHostcalls == null) {
            backendHostcalls = new BackendHostcalls(this);
        }
        return backendHostcalls;
    }

    /** Config stores, dictionaries, KV stores, object stores, secret stores. */
    public StoreHostcalls stores() {
        if (storeHostcalls == null) {
            storeHostcalls = new StoreHostcalls(this);
        }
        return storeHostcalls;
    }

    /** {@code fastly_async_io}: waiting on several handles at once. */
    public AsyncIoHostcalls asyncIo() {
        if (asyncIoHostcalls == null) {
            asyncIoHostcalls = new AsyncIoHostcalls(this);
        }
        return asyncIoHostcalls;
    }

    /** The handle of the current client request (the one {@code body_downstream_get} returns). */
    public int clientRequestHandle() {
        return downstreamRequestHandle;
    }

    DownstreamResponder responder() {
        return responder;
    }

    /**
     * Makes {@code exchange} the sandbox's client request (a reused sandbox's next request).
     *
     * @return {request handle, body handle}
     */
    int[] acceptDownstream(DownstreamExchange exchange) {
        downstream = exchange.request();
        responder = engine.traced(downstream, exchange.responder());
        responded = false;
        HostRequest r = new HostRequest(downstream.head(), true);
        r.client = downstream;
        downstreamRequestHandle = handles.add(r);
        downstreamBodyHandle = handles.add(downstream.body());
        return new int[] {downstreamRequestHandle, downstreamBodyHandle};
    }

    // ---- limits (ExecutionLimits): open handles, buffered bodies, counts reported per request

    /**
     * Whether the open handles have reached {@link ExecutionLimits#handles()}; the first time, the refusal is noted
     * in the usage. A hostcall that would open a handle answers {@code limitexceeded} when this is true.
     */
    boolean handlesFull() {
        if (!handles.full()) {
            return false;
        }
        refuse("a hostcall was refused a new handle: the program holds " + handles.size()
                + " open handles, the local server's limit (limits.handles)");
        return true;
    }

    /** Notes a refusal for the usage (each different sentence once). */
    void refuse(String why) {
        if (refusals.size() < 16 && !refusals.contains(why)) {
            refusals.add(why);
        }
    }

    /** Counts a backend request for the usage. */
    void countBackendRequest() {
        backendRequests++;
    }

    /**
     * What this execution used so far: backend requests, dictionary lookups, dynamic backends on the engine, and
     * what the host refused because of a limit. CPU time and memory are the door's to add.
     *
     * @return the usage
     */
    public ResourceUsage usage() {
        return new ResourceUsage(
                backendRequests, dictionaryLookups, engine.dynamicBackendCount(), null, -1, List.copyOf(refusals));
    }

    /**
     * Answers the current client when the program ended without sending a response: Fastly's local tools answer
     * 200 with an empty body after a normal end, 500 after a failure.
     *
     * @param status the status to send
     * @param body the body to send
     * @return whether a response was sent (false when the program had sent one)
     */
    public boolean answerIfUnanswered(int status, byte[] body) {
        if (!markResponded()) {
            return false;
        }
        HeaderList headers = new HeaderList();
        if (body.length > 0) {
            headers.append("Content-Type", "text/plain; charset=utf-8");
        }
        responder.respond(new ResponseHead(status, headers), BodyBuffer.of(body), false);
        return true;
    }

    /**
     * Marks the current client as answered, unless it was: every way of answering (a response, a pending
     * request's response, the answer for a program that sent none) goes through here.
     *
     * @return whether this call marked it (false when the client already had its response)
     */
    boolean markResponded() {
        if (responded) {
            return false;
        }
        responded = true;
        return true;
    }
}
