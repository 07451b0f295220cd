package io.github.computejava.host;

import io.github.computejava.abi.DynamicBackendRecord;
import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.Sandbox.HostRequest;
import io.github.computejava.host.Sandbox.HostResponse;
import io.github.computejava.host.Sandbox.PendingRequest;
import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.backend.DynamicBackendConfig;
import io.github.computejava.host.backend.SendFailure;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.BodyPump;
import io.github.computejava.host.http.CacheOverride;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.ResponseHead;
import io.github.computejava.host.http.UpstreamResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.zip.GZIPInputStream;

/**
 * {@code fastly_http_req}: requests, every way of sending one (synchronous, asynchronous, streaming, uncached),
 * pending requests (poll, wait, select, queued header edits), dynamic backends, and the deprecated getters of the
 * current client request (answered by {@link HttpDownstreamHost}). Every send goes through {@link HostEngine}'s
 * one send path, where the readthrough cache sits.
 */
final class HttpReqHost implements FastlyHttpReq {
    /** The longest text field of a {@code dynamic_backend_config} (host names) the host accepts. */
    static final int MAX_BACKEND_TEXT = 1024;

    private final Sandbox sandbox;
    private final HandleTable handles;

    HttpReqHost(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.handles = sandbox.handles();
    }

    // ---- requests

    @Override
    public int bodyDownstreamGet(int[] reqOut, int[] bodyOut) {
        int[] client = sandbox.downstreamHandles();
        if (handles.get(client[0], HostRequest.class) == null) {
            return FastlyStatus.BADF;
        }
        reqOut[0] = client[0];
        bodyOut[0] = client[1];
        return FastlyStatus.OK;
    }

    @Override
    public int new_(int[] reqOut) {
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        reqOut[0] = handles.add(new HostRequest(new RequestHead(), false));
        return FastlyStatus.OK;
    }

    @Override
    public int close(int req) {
        return handles.take(req, HostRequest.class) == null ? FastlyStatus.BADF : FastlyStatus.OK;
    }

    @Override
    public int methodGet(int req, byte[] buf, int len, int[] nwrittenOut) {
        HostRequest r = handles.get(req, HostRequest.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        return Buffers.single(Buffers.latin1(r.head.method()), buf, len, nwrittenOut);
    }

    /** {@code method_set}: {@code httpinvalid} for a method that is not an RFC 9110 token. */
    @Override
    public int methodSet(int req, byte[] method) {
        HostRequest r = handles.get(req, HostRequest.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        String m = Buffers.latin1(method);
        if (!HeaderList.isValidName(m)) {
            return FastlyStatus.HTTPINVALID;
        }
        r.head.method(m);
        return FastlyStatus.OK;
    }

    @Override
    public int uriGet(int req, byte[] buf, int len, int[] nwrittenOut) {
        HostRequest r = handles.get(req, HostRequest.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        return Buffers.single(Buffers.latin1(r.head.uri()), buf, len, nwrittenOut);
    }

    /** {@code uri_set}: {@code httpinvalid} for a URI the host cannot send. */
    @Override
    public int uriSet(int req, byte[] uri) {
        HostRequest r = handles.get(req, HostRequest.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        String u = Buffers.latin1(uri);
        if (!Uris.isValid(u)) {
            return FastlyStatus.HTTPINVALID;
        }
        r.head.uri(u);
        return FastlyStatus.OK;
    }

    @Override
    public int versionGet(int req, int[] versionOut) {
        return Heads.versionGet(sandbox.requestHead(req), versionOut);
    }

    @Override
    public int versionSet(int req, int version) {
        return Heads.versionSet(sandbox.requestHead(req), version);
    }

    @Override
    public int headerNamesGet(int req, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
        return Heads.namesGet(headers(req), buf, len, cursor, endingCursorOut, nwrittenOut);
    }

    @Override
    public int headerValuesGet(
            int req, byte[] name, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
        return Heads.valuesGet(headers(req), name, buf, len, cursor, endingCursorOut, nwrittenOut);
    }

    @Override
    public int headerValuesSet(int req, byte[] name, byte[] values, int valuesLen) {
        return Heads.valuesSet(headers(req), name, values, valuesLen);
    }

    @Override
    public int headerInsert(int req, byte[] name, byte[] value) {
        return Heads.insert(headers(req), name, value, false);
    }

    @Override
    public int headerAppend(int req, byte[] name, byte[] value) {
        return Heads.insert(headers(req), name, value, true);
    }

    @Override
    public int headerRemove(int req, byte[] name) {
        return Heads.remove(headers(req), name);
    }

    /** {@code cache_override_v2_set}: {@code inval} for an unknown tag bit. */
    @Override
    public int cacheOverrideV2Set(int req, int tag, int ttl, int staleWhileRevalidate, byte[] surrogateKey) {
        HostRequest r = handles.get(req, HostRequest.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        int known =
                CACHE_OVERRIDE_PASS | CACHE_OVERRIDE_TTL | CACHE_OVERRIDE_STALE_WHILE_REVALIDATE | CACHE_OVERRIDE_PCI;
        if ((tag & ~known) != 0) {
            return FastlyStatus.INVAL;
        }
        String sk = surrogateKey.length == 0 ? null : Buffers.latin1(surrogateKey);
        r.cacheOverride = new CacheOverride(tag, ttl, staleWhileRevalidate, sk);
        return FastlyStatus.OK;
    }

    @Override
    public int framingHeadersModeSet(int req, int mode) {
        return Heads.framingModeSet(sandbox.requestHead(req), mode);
    }

    /** {@code auto_decompress_response_set}: {@code inval} for an encoding other than gzip. */
    @Override
    public int autoDecompressResponseSet(int req, int encodings) {
        HostRequest r = handles.get(req, HostRequest.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        if ((encodings & ~CONTENT_ENCODING_GZIP) != 0) {
            return FastlyStatus.INVAL;
        }
        r.autoDecompress = encodings;
        return FastlyStatus.OK;
    }

    // ---- sending

    @Override
    public int send(int req, int body, byte[] backend, int[] respOut, int[] respBodyOut) {
        return sendAndWait(req, body, backend, null, respOut, respBodyOut, false);
    }

    @Override
    public int sendV2(int req, int body, byte[] backend, byte[] errorDetail, int[] respOut, int[] respBodyOut) {
        return sendAndWait(req, body, backend, errorDetail, respOut, respBodyOut, false);
    }

    @Override
    public int sendV3(int req, int body, byte[] backend, byte[] errorDetail, int[] respOut, int[] respBodyOut) {
        return sendAndWait(req, body, backend, errorDetail, respOut, respBodyOut, true);
    }

    @Override
    public int sendAsync(int req, int body, byte[] backend, int[] pendingOut) {
        return sendInBackground(req, body, backend, false, false, pendingOut);
    }

    @Override
    public int sendAsyncV2(int req, int body, byte[] backend, int streaming, int[] pendingOut) {
        return sendInBackground(req, body, backend, streaming != 0, true, pendingOut);
    }

    @Override
    public int sendAsyncStreaming(int req, int body, byte[] backend, int[] pendingOut) {
        return sendInBackground(req, body, backend, true, false, pendingOut);
    }

    @Override
    public int pendingReqWait(int pending, int[] respOut, int[] respBodyOut) {
        return pendingWait(pending, null, respOut, respBodyOut);
    }

    @Override
    public int pendingReqWaitV2(int pending, byte[] errorDetail, int[] respOut, int[] respBodyOut) {
        return pendingWait(pending, errorDetail, respOut, respBodyOut);
    }

    @Override
    public int pendingReqPoll(int pending, int[] isDoneOut, int[] respOut, int[] respBodyOut) {
        return pendingPoll(pending, null, isDoneOut, respOut, respBodyOut);
    }

    @Override
    public int pendingReqPollV2(int pending, byte[] errorDetail, int[] isDoneOut, int[] respOut, int[] respBodyOut) {
        return pendingPoll(pending, errorDetail, isDoneOut, respOut, respBodyOut);
    }

    @Override
    public int pendingReqSelect(int[] pendings, int[] doneIdxOut, int[] respOut, int[] respBodyOut) {
        return pendingSelect(pendings, null, doneIdxOut, respOut, respBodyOut);
    }

    @Override
    public int pendingReqSelectV2(
            int[] pendings, byte[] errorDetail, int[] doneIdxOut, int[] respOut, int[] respBodyOut) {
        return pendingSelect(pendings, errorDetail, doneIdxOut, respOut, respBodyOut);
    }

    @Override
    public int pendingReqHeaderInsert(int pending, byte[] name, byte[] value, int target) {
        return pendingHeaderEdit(pending, target, "insert", name, value);
    }

    @Override
    public int pendingReqHeaderAppend(int pending, byte[] name, byte[] value, int target) {
        return pendingHeaderEdit(pending, target, "append", name, value);
    }

    @Override
    public int pendingReqHeaderRemove(int pending, byte[] name, int target) {
        return pendingHeaderEdit(pending, target, "remove", name, null);
    }

    /**
     * {@code send}, {@code send_v2} and {@code send_v3}: sends a request and waits for the response head.
     *
     * @param errorDetail the guest's {@code send_error_detail} record, or null for {@code send}
     * @param uncached whether to bypass every cache ({@code send_v3})
     * @return {@code ok}; {@code badf} for a bad handle; {@code inval} for an unknown backend; {@code error} when
     *     no response arrived (the detail says why)
     */
    private int sendAndWait(
            int req, int body, byte[] backend, byte[] errorDetail, int[] respOut, int[] respBodyOut, boolean uncached) {
        HostRequest r = handles.get(req, HostRequest.class);
        BodyBuffer b = handles.get(body, BodyBuffer.class);
        if (r == null || b == null) {
            return FastlyStatus.BADF;
        }
        Backend target = sandbox.engine().backend(Buffers.latin1(backend));
        if (target == null) {
            SendErrorDetails.write(errorDetail, FastlyHttpReq.SEND_ERROR_TAG_DESTINATION_NOT_FOUND);
            return FastlyStatus.INVAL;
        }
        handles.remove(req);
        handles.remove(body);
        if (!b.isStreaming()) {
            b.close();
        }
        sandbox.countBackendRequest();
        try {
            UpstreamResponse response = sandbox.engine()
                    .send(
                            sandbox.downstream().requestId(),
                            target,
                            r.head.copy(),
                            b,
                            uncached ? CacheOverride.UNCACHED : r.cacheOverride);
            response = decompress(response, r.autoDecompress);
            respOut[0] = handles.add(responseFrom(response, target.name()));
            respBodyOut[0] = handles.add(response.body());
            SendErrorDetails.write(errorDetail, FastlyHttpReq.SEND_ERROR_TAG_OK);
            return FastlyStatus.OK;
        } catch (SendFailure f) {
            SendErrorDetails.write(errorDetail, f);
            return FastlyStatus.ERROR;
        }
    }

    /**
     * {@code send_async}, {@code send_async_streaming} and {@code send_async_v2}.
     *
     * @param streaming whether the program keeps writing the body (and closes it to finish)
     * @param uncached whether to bypass every cache ({@code send_async_v2})
     * @return {@code ok}; {@code badf} for a bad handle; {@code inval} for an unknown backend
     */
    private int sendInBackground(
            int req, int body, byte[] backend, boolean streaming, boolean uncached, int[] pendingOut) {
        HostRequest r = handles.get(req, HostRequest.class);
        BodyBuffer b = handles.get(body, BodyBuffer.class);
        if (r == null || b == null) {
            return FastlyStatus.BADF;
        }
        Backend target = sandbox.engine().backend(Buffers.latin1(backend));
        if (target == null) {
            return FastlyStatus.INVAL;
        }
        handles.remove(req);
        if (streaming) {
            // the body handle stays with the program, which keeps writing it and closes it to finish
            b.startStreaming();
        } else {
            handles.remove(body);
            if (!b.isStreaming()) {
                b.close();
            }
        }
        CacheOverride override = uncached ? CacheOverride.UNCACHED : r.cacheOverride;
        sandbox.countBackendRequest();
        sandbox.joinTimeline();
        AsyncSend send =
                sandbox.engine().sendAsync(sandbox.downstream().requestId(), target, r.head.copy(), b, override);
        PendingRequest pending = new PendingRequest(send, target.name());
        pending.autoDecompress = r.autoDecompress;
        pendingOut[0] = handles.add(pending);
        AsyncIoHost io = sandbox.asyncIoHost();
        send.future().whenComplete((resp, failure) -> io.signal());
        return FastlyStatus.OK;
    }

    /**
     * {@code pending_req_wait} and {@code pending_req_wait_v2}: waits for a pending request's response.
     *
     * @param errorDetail the guest's record, or null for the first version
     */
    private int pendingWait(int pending, byte[] errorDetail, int[] respOut, int[] respBodyOut) {
        PendingRequest p = handles.take(pending, PendingRequest.class);
        if (p == null) {
            return FastlyStatus.BADF;
        }
        awaitDone(p);
        return complete(p, errorDetail, respOut, respBodyOut);
    }

    /**
     * {@code pending_req_poll} and {@code pending_req_poll_v2}: the response if it is ready. When not done,
     * {@code doneOut} is 0 and the handles are the invalid handle.
     */
    private int pendingPoll(int pending, byte[] errorDetail, int[] doneOut, int[] respOut, int[] respBodyOut) {
        PendingRequest p = handles.get(pending, PendingRequest.class);
        if (p == null) {
            return FastlyStatus.BADF;
        }
        if (!p.future.isDone()) {
            // a poll that finds nothing waits an instant: virtual time may move on to the next answer
            sandbox.engine().timeline().idle(p::isReady, () -> null);
        }
        if (!p.future.isDone()) {
            doneOut[0] = 0;
            respOut[0] = FastlyStatus.INVALID_HANDLE;
            respBodyOut[0] = FastlyStatus.INVALID_HANDLE;
            return FastlyStatus.OK;
        }
        handles.remove(pending);
        doneOut[0] = 1;
        return completeDone(p, errorDetail, respOut, respBodyOut);
    }

    /**
     * {@code pending_req_select} and {@code pending_req_select_v2}: waits for the first of several pending
     * requests. The chosen one's index goes to {@code doneIndexOut}; the others stay pending.
     *
     * @return {@code inval} for an empty list, {@code badf} when a handle is not a pending request
     */
    private int pendingSelect(
            int[] pendings, byte[] errorDetail, int[] doneIndexOut, int[] respOut, int[] respBodyOut) {
        if (pendings.length == 0) {
            return FastlyStatus.INVAL;
        }
        for (int h : pendings) {
            if (handles.get(h, PendingRequest.class) == null) {
                return FastlyStatus.BADF;
            }
        }
        int[] ready = new int[1];
        int status = sandbox.asyncIoHost().select(pendings, 0, ready);
        if (status != FastlyStatus.OK) {
            return status;
        }
        int index = ready[0];
        PendingRequest p = handles.take(pendings[index], PendingRequest.class);
        doneIndexOut[0] = index;
        return completeDone(p, errorDetail, respOut, respBodyOut);
    }

    /**
     * {@code pending_req_header_insert/append/remove}: queues a header edit for the response {@code
     * send_downstream_pending} will send.
     *
     * @param kind a {@code pending_response_kind}
     * @param op "insert", "append" or "remove"
     * @param value the value, or null for remove
     */
    private int pendingHeaderEdit(int pending, int kind, String op, byte[] name, byte[] value) {
        PendingRequest p = handles.get(pending, PendingRequest.class);
        if (p == null) {
            return FastlyStatus.BADF;
        }
        if (kind < PENDING_ANY || kind > PENDING_ERROR) {
            return FastlyStatus.INVAL;
        }
        String n = Buffers.latin1(name);
        String v = value == null ? "" : Buffers.latin1(value);
        if (!HeaderList.isValidName(n) || !HeaderList.isValidValue(v)) {
            return FastlyStatus.INVAL;
        }
        p.headerEdits.add(new String[] {Integer.toString(kind), op, n, v});
        return FastlyStatus.OK;
    }

    /** {@code header_value_get}: the first value of a request header; {@code none} when absent. */
    @Override
    public int headerValueGet(int req, byte[] name, byte[] buf, int len, int[] nwrittenOut) {
        return Heads.valueGet(headers(req), name, buf, len, nwrittenOut);
    }

    /** {@code cache_override_set}: the first version, without surrogate keys. */
    @Override
    public int cacheOverrideSet(int req, int tag, int ttl, int staleWhileRevalidate) {
        return cacheOverrideV2Set(req, tag, ttl, staleWhileRevalidate, new byte[0]);
    }

    // ---- the current client request (deprecated forms of fastly_http_downstream's getters)

    @Override
    public int downstreamClientIpAddr(byte[] octets16, int[] nwrittenOut) {
        return client().downstreamClientIpAddr(clientHandle(), octets16, nwrittenOut);
    }

    @Override
    public int downstreamServerIpAddr(byte[] octets16, int[] nwrittenOut) {
        return client().downstreamServerIpAddr(clientHandle(), octets16, nwrittenOut);
    }

    @Override
    public int downstreamClientH2Fingerprint(byte[] buf, int len, int[] nwrittenOut) {
        return client().downstreamClientH2Fingerprint(clientHandle(), buf, len, nwrittenOut);
    }

    @Override
    public int downstreamClientRequestId(byte[] buf, int len, int[] nwrittenOut) {
        return client().downstreamClientRequestId(clientHandle(), buf, len, nwrittenOut);
    }

    @Override
    public int downstreamClientOhFingerprint(byte[] buf, int len, int[] nwrittenOut) {
        return client().downstreamClientOhFingerprint(clientHandle(), buf, len, nwrittenOut);
    }

    @Override
    public int downstreamClientDdosDetected(int[] out) {
        return client().downstreamClientDdosDetected(clientHandle(), out);
    }

    @Override
    public int downstreamTlsCipherOpensslName(byte[] buf, int len, int[] nwrittenOut) {
        return client().downstreamTlsCipherOpensslName(clientHandle(), buf, len, nwrittenOut);
    }

    @Override
    public int downstreamTlsProtocol(byte[] buf, int len, int[] nwrittenOut) {
        return client().downstreamTlsProtocol(clientHandle(), buf, len, nwrittenOut);
    }

    @Override
    public int downstreamTlsClientHello(byte[] buf, int len, int[] nwrittenOut) {
        return client().downstreamTlsClientHello(clientHandle(), buf, len, nwrittenOut);
    }

    @Override
    public int downstreamTlsRawClientCertificate(byte[] buf, int len, int[] nwrittenOut) {
        return client().downstreamTlsRawClientCertificate(clientHandle(), buf, len, nwrittenOut);
    }

    @Override
    public int downstreamTlsClientCertVerifyResult(int[] out) {
        return client().downstreamTlsClientCertVerifyResult(clientHandle(), out);
    }

    @Override
    public int downstreamTlsJa3Md5(byte[] out16, int[] nwrittenOut) {
        return client().downstreamTlsJa3Md5(clientHandle(), out16, nwrittenOut);
    }

    @Override
    public int downstreamTlsJa4(byte[] buf, int len, int[] nwrittenOut) {
        return client().downstreamTlsJa4(clientHandle(), buf, len, nwrittenOut);
    }

    @Override
    public int downstreamComplianceRegion(byte[] buf, int len, int[] nwrittenOut) {
        return client().downstreamComplianceRegion(clientHandle(), buf, len, nwrittenOut);
    }

    @Override
    public int originalHeaderNamesGet(byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
        return client().downstreamOriginalHeaderNames(clientHandle(), buf, len, cursor, endingCursorOut, nwrittenOut);
    }

    @Override
    public int originalHeaderCount(int[] countOut) {
        return client().downstreamOriginalHeaderCount(clientHandle(), countOut);
    }

    @Override
    public int fastlyKeyIsValid(int[] out) {
        return client().fastlyKeyIsValid(clientHandle(), out);
    }

    private HttpDownstreamHost client() {
        return sandbox.httpDownstreamHost();
    }

    private int clientHandle() {
        return sandbox.clientRequestHandle();
    }

    // ---- dynamic backends

    /**
     * {@code register_dynamic_backend}: decodes the fields of {@code dynamic_backend_config} whose mask bits are
     * set, then registers the backend ({@link BackendHost#registerDynamic}). A host name field (host override,
     * certificate host name) that is empty, longer than {@value #MAX_BACKEND_TEXT} bytes or not UTF-8 is {@code
     * inval}; an empty SNI host name turns SNI off.
     */
    @Override
    public int registerDynamicBackend(byte[] namePrefix, byte[] target, int mask, DynamicBackendRecord config) {
        DynamicBackendRecord c = config == null ? new DynamicBackendRecord() : config;
        String hostOverride = null;
        String certHostname = null;
        String sniHostname = null;
        if ((mask & DynamicBackendRecord.HOST_OVERRIDE) != 0) {
            hostOverride = hostName(c.hostOverride);
            if (hostOverride == null) {
                return FastlyStatus.INVAL;
            }
        }
        if ((mask & DynamicBackendRecord.CERT_HOSTNAME) != 0) {
            certHostname = hostName(c.certHostname);
            if (certHostname == null) {
                return FastlyStatus.INVAL;
            }
        }
        if ((mask & DynamicBackendRecord.SNI_HOSTNAME) != 0) {
            sniHostname = c.sniHostname == null || c.sniHostname.length == 0 ? "" : hostName(c.sniHostname);
            if (sniHostname == null) {
                return FastlyStatus.INVAL;
            }
        }
        boolean keepalive = (mask & DynamicBackendRecord.KEEPALIVE) != 0;
        String clientCertificate = null;
        String clientKey = null;
        if ((mask & DynamicBackendRecord.CLIENT_CERT) != 0) {
            // the key is a secret handle (from a secret store or from_bytes)
            SecretStoreHost.Secret key = handles.get(c.clientKey, SecretStoreHost.Secret.class);
            if (key == null) {
                return FastlyStatus.BADF;
            }
            if (c.clientCertificate == null || c.clientCertificate.length == 0) {
                return FastlyStatus.INVAL;
            }
            clientCertificate = Buffers.utf8(c.clientCertificate);
            clientKey = Buffers.utf8(key.plaintext);
            if (clientCertificate == null || clientKey == null) {
                return FastlyStatus.INVAL;
            }
        }
        return sandbox.backendHost()
                .registerDynamic(
                        Buffers.latin1(namePrefix),
                        Buffers.latin1(target),
                        mask,
                        new DynamicBackendConfig(
                                hostOverride,
                                (mask & DynamicBackendRecord.CONNECT_TIMEOUT) != 0 ? c.connectTimeoutMs : 0,
                                (mask & DynamicBackendRecord.FIRST_BYTE_TIMEOUT) != 0 ? c.firstByteTimeoutMs : 0,
                                (mask & DynamicBackendRecord.BETWEEN_BYTES_TIMEOUT) != 0 ? c.betweenBytesTimeoutMs : 0,
                                certHostname,
                                sniHostname,
                                (mask & DynamicBackendRecord.SSL_MIN_VERSION) != 0 ? c.sslMinVersion : -1,
                                (mask & DynamicBackendRecord.SSL_MAX_VERSION) != 0 ? c.sslMaxVersion : -1,
                                keepalive ? c.httpKeepaliveTimeMs : 0,
                                keepalive && c.tcpKeepaliveEnable != 0,
                                keepalive ? c.tcpKeepaliveIntervalSecs : 0,
                                keepalive ? c.tcpKeepaliveProbes : 0,
                                keepalive ? c.tcpKeepaliveTimeSecs : 0,
                                clientCertificate,
                                clientKey));
    }

    /** A host name field: its UTF-8 text, or null when absent, empty, too long or not UTF-8. */
    private static String hostName(byte[] utf8) {
        if (utf8 == null || utf8.length == 0 || utf8.length > MAX_BACKEND_TEXT) {
            return null;
        }
        return Buffers.utf8(utf8);
    }

    // ---- shared

    /**
     * {@link #complete} for a request that poll or select found done: the first versions of those calls (no
     * {@code errorDetail}) report a failed request as done without handles, and {@code ok}.
     */
    private int completeDone(PendingRequest p, byte[] errorDetail, int[] respOut, int[] respBodyOut) {
        int status = complete(p, errorDetail, respOut, respBodyOut);
        if (status != FastlyStatus.OK && errorDetail == null) {
            respOut[0] = FastlyStatus.INVALID_HANDLE;
            respBodyOut[0] = FastlyStatus.INVALID_HANDLE;
            return FastlyStatus.OK;
        }
        return status;
    }

    /** Waits for a pending request's exchange to end, as a wait on the host (virtual time may pass). */
    private void awaitDone(PendingRequest p) {
        sandbox.engine().timeline().idle(p::isReady, () -> {
            try {
                p.future.get();
            } catch (ExecutionException e) {
                // complete reports it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
    }

    private int complete(PendingRequest p, byte[] errorDetail, int[] respOut, int[] respBodyOut) {
        try {
            UpstreamResponse response = decompress(p.future.get(), p.autoDecompress);
            respOut[0] = handles.add(responseFrom(response, p.backend));
            respBodyOut[0] = handles.add(response.body());
            SendErrorDetails.write(errorDetail, FastlyHttpReq.SEND_ERROR_TAG_OK);
            return FastlyStatus.OK;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SendFailure) {
                SendErrorDetails.write(errorDetail, (SendFailure) cause);
            } else {
                SendErrorDetails.write(errorDetail, FastlyHttpReq.SEND_ERROR_TAG_INTERNAL_ERROR);
            }
            return FastlyStatus.ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            SendErrorDetails.write(errorDetail, FastlyHttpReq.SEND_ERROR_TAG_INTERNAL_ERROR);
            return FastlyStatus.ERROR;
        }
    }

    private HeaderList headers(int req) {
        return Heads.headers(sandbox.requestHead(req));
    }

    private HostResponse responseFrom(UpstreamResponse response, String backend) {
        HostResponse hr = new HostResponse(response.head());
        hr.backend = backend;
        return hr;
    }

    static void applyEdit(HeaderList headers, String op, String name, String value) {
        switch (op) {
            case "insert":
                headers.set(name, value);
                break;
            case "append":
                headers.append(name, value);
                break;
            default:
                headers.remove(name);
                break;
        }
    }

    /** Decompresses a gzip response when the program asked for it ({@code auto_decompress_response_set}). */
    UpstreamResponse decompress(UpstreamResponse response, int encodings) {
        if ((encodings & 1) == 0) {
            return response;
        }
        HeaderList headers = response.head().headers();
        List<String> codings = headers.values("content-encoding");
        if (codings.size() != 1) {
            return response;
        }
        String coding = codings.get(0).trim().toLowerCase(Locale.ROOT);
        if (!coding.equals("gzip") && !coding.equals("x-gzip")) {
            return response;
        }
        ResponseHead head = response.head().copy();
        head.headers().remove("content-encoding");
        head.headers().remove("content-length");
        BodyBuffer inflated = BodyBuffer.incoming(-1);
        BodyBuffer compressed = response.body();
        sandbox.engine().execute(() -> {
            try {
                BodyPump.run(new GZIPInputStream(compressed.asInputStream()), inflated, null);
            } catch (IOException e) {
                inflated.abandon();
            }
        });
        return new UpstreamResponse(head, BodyBuffer.readingFrom(inflated));
    }
}
