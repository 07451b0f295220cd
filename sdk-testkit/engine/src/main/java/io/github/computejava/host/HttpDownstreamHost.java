package io.github.computejava.host;

import io.github.computejava.abi.FastlyHttpDownstream;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.Sandbox.HostRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The {@code fastly_http_downstream} hostcalls of a sandbox: what is known about the client request (addresses,
 * original headers, request id; TLS details, fingerprints and the DDoS and Fastly-Key flags as the engine's {@link
 * ClientConnection} reports them, none on a plain-HTTP local server; proxy data is absent) and request reuse
 * ({@code next_request}). Bot detection reads the client's {@code X-Fastly-Bot-*} headers, so tests
 * can simulate it.
 */
final class HttpDownstreamHost implements FastlyHttpDownstream {
    /** How long {@code next_request} waits at most, and by default. */
    public static final Duration NEXT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** How many further requests one sandbox may accept. */
    public static final int NEXT_REQUEST_LIMIT = 5;

    /** Where Fastly reports no compliance region. */
    static final String REGION_NONE = "none";

    private final Sandbox sandbox;
    private final HandleTable handles;
    private int promiseHandle = -1;
    private int accepted;

    /** A {@code request_promise_handle}: the wish for another client request. */
    static final class RequestPromise implements AsyncItem {
        final CompletableFuture<Optional<DownstreamExchange>> future;

        RequestPromise(CompletableFuture<Optional<DownstreamExchange>> future) {
            this.future = future;
        }

        /** Ready when a request came or none will. */
        @Override
        public boolean isReady() {
            return future.isDone();
        }
    }

    HttpDownstreamHost(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.handles = sandbox.handles();
    }

    // ---- request reuse

    /**
     * {@code next_request}: asks for another client request, waiting at most the timeout the options give (a
     * {@code u64} beyond the {@code s64} range waits as long as the host allows), or the default.
     *
     * @return {@code limitexceeded} when a promise is already outstanding
     */
    @Override
    public int nextRequest(int mask, long timeoutMs, int[] promiseOut) {
        long timeout = (mask & NEXT_REQUEST_OPTIONS_TIMEOUT) != 0 ? (timeoutMs < 0 ? Long.MAX_VALUE : timeoutMs) : -1;
        return nextRequest(timeout, promiseOut);
    }

    /** {@code next_request} with a timeout in milliseconds, or a negative value for the default. */
    private int nextRequest(long timeoutMillis, int[] promiseOut) {
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        if (promiseHandle >= 0 && handles.get(promiseHandle, RequestPromise.class) != null) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        Duration timeout = timeoutMillis < 0
                ? NEXT_REQUEST_TIMEOUT
                : Duration.ofMillis(Math.min(timeoutMillis, NEXT_REQUEST_TIMEOUT.toMillis()));
        CompletableFuture<Optional<DownstreamExchange>> future;
        if (accepted < NEXT_REQUEST_LIMIT) {
            accepted++;
            future = sandbox.engine().downstreamSource().next(timeout);
        } else {
            future = CompletableFuture.completedFuture(Optional.empty());
        }
        AsyncIoHost io = sandbox.asyncIoHost();
        future.whenComplete((e, f) -> io.signal());
        promiseHandle = handles.add(new RequestPromise(future));
        promiseOut[0] = promiseHandle;
        return FastlyStatus.OK;
    }

    /**
     * {@code next_request_wait}: waits for the promised request and makes it the sandbox's client request.
     *
     * @return {@code none} when no request came; {@code unsupported} while the current client has no response
     */
    @Override
    public int nextRequestWait(int promise, int[] reqOut, int[] bodyOut) {
        RequestPromise p = handles.get(promise, RequestPromise.class);
        if (p == null) {
            return FastlyStatus.BADF;
        }
        if (!sandbox.responded()) {
            return FastlyStatus.UNSUPPORTED;
        }
        handles.remove(promise);
        Optional<DownstreamExchange> exchange;
        try {
            // a wait on the host: virtual time may pass while the instance waits for its next client
            exchange = sandbox.engine().timeline().idle(p.future::isDone, () -> {
                try {
                    return p.future.get();
                } catch (ExecutionException | CancellationException e) {
                    return null;
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.future.cancel(false);
            return FastlyStatus.ERROR;
        }
        if (exchange == null || exchange.isEmpty()) {
            return FastlyStatus.NONE;
        }
        int[] h = sandbox.acceptDownstream(exchange.get());
        reqOut[0] = h[0];
        bodyOut[0] = h[1];
        return FastlyStatus.OK;
    }

    /** {@code next_request_abandon}: withdraws the wish; a request already handed over is served elsewhere. */
    @Override
    public int nextRequestAbandon(int promise) {
        RequestPromise p = handles.take(promise, RequestPromise.class);
        if (p == null) {
            return FastlyStatus.BADF;
        }
        release(p);
        return FastlyStatus.OK;
    }

    /** Gives back a request handed to a promise the program never waited on. */
    void finish() {
        if (promiseHandle >= 0) {
            RequestPromise p = handles.take(promiseHandle, RequestPromise.class);
            if (p != null) {
                release(p);
            }
        }
    }

    private void release(RequestPromise p) {
        if (!p.future.cancel(false)) {
            Optional<DownstreamExchange> handed = p.future.getNow(Optional.empty());
            handed.ifPresent(e -> sandbox.engine().downstreamSource().giveBack(e));
        }
    }

    // ---- client metadata

    /** {@code downstream_client_ip_addr}: {@code none} for a request that is not a client request. */
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
    public int downstreamServerIpAddr(int req, byte[] octets16, int[] nwrittenOut) {
        DownstreamRequest d = client(req);
        if (d == null) {
            return status(req);
        }
        byte[] ip = d.serverAddress();
        System.arraycopy(ip, 0, octets16, 0, ip.length);
        nwrittenOut[0] = ip.length;
        return FastlyStatus.OK;
    }

    @Override
    public int downstreamClientRequestId(int req, byte[] buf, int len, int[] nwrittenOut) {
        DownstreamRequest d = client(req);
        if (d == null) {
            return status(req);
        }
        return Buffers.single(d.requestId().getBytes(StandardCharsets.US_ASCII), buf, len, nwrittenOut);
    }

    @Override
    public int downstreamOriginalHeaderNames(
            int req, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwritten) {
        DownstreamRequest d = client(req);
        if (d == null) {
            return status(req);
        }
        return Buffers.multi(d.originalHeaders().names(), buf, len, cursor, endingCursorOut, nwritten);
    }

    /** {@code downstream_original_header_count}: the number of header fields the client sent. */
    @Override
    public int downstreamOriginalHeaderCount(int req, int[] countOut) {
        DownstreamRequest d = client(req);
        if (d == null) {
            return status(req);
        }
        countOut[0] = d.originalHeaders().size();
        return FastlyStatus.OK;
    }

    /** {@code downstream_compliance_region}: {@code none} (the region's name) locally. */
    @Override
    public int downstreamComplianceRegion(int req, byte[] buf, int len, int[] nwrittenOut) {
        if (client(req) == null) {
            return status(req);
        }
        return Buffers.single(REGION_NONE.getBytes(StandardCharsets.US_ASCII), buf, len, nwrittenOut);
    }

    /** {@code downstream_client_ddos_detected}: 0 unless the connection is seeded with the flag. */
    @Override
    public int downstreamClientDdosDetected(int req, int[] out) {
        if (client(req) == null) {
            return status(req);
        }
        out[0] = connection().ddosDetected() ? 1 : 0;
        return FastlyStatus.OK;
    }

    /** {@code fastly_key_is_valid}: 0 (no Fastly API key is valid locally) unless the connection is seeded so. */
    @Override
    public int fastlyKeyIsValid(int req, int[] out) {
        if (client(req) == null) {
            return status(req);
        }
        out[0] = connection().fastlyKeyValid() ? 1 : 0;
        return FastlyStatus.OK;
    }

    private ClientConnection connection() {
        return sandbox.engine().clientConnection();
    }

    /** A text the connection may know: {@code none} when it does not. */
    private int text(int req, Optional<String> value, byte[] buf, int len, int[] nwrittenOut) {
        return bytes(req, value.map(Buffers::latin1), buf, len, nwrittenOut);
    }

    private int bytes(int req, Optional<byte[]> value, byte[] buf, int len, int[] nwrittenOut) {
        if (client(req) == null) {
            return status(req);
        }
        if (value.isEmpty()) {
            return FastlyStatus.NONE;
        }
        return Buffers.single(value.get(), buf, len, nwrittenOut);
    }

    // ---- TLS details and fingerprints: what the engine's ClientConnection knows (none over plain HTTP)

    @Override
    public int downstreamClientH2Fingerprint(int req, byte[] buf, int len, int[] nwrittenOut) {
        return text(req, connection().h2Fingerprint(), buf, len, nwrittenOut);
    }

    @Override
    public int downstreamClientOhFingerprint(int req, byte[] buf, int len, int[] nwrittenOut) {
        return text(req, connection().ohFingerprint(), buf, len, nwrittenOut);
    }

    @Override
    public int downstreamTlsCipherOpensslName(int req, byte[] buf, int len, int[] nwrittenOut) {
        return text(req, connection().tlsCipher(), buf, len, nwrittenOut);
    }

    @Override
    public int downstreamTlsProtocol(int req, byte[] buf, int len, int[] nwrittenOut) {
        return text(req, connection().tlsProtocol(), buf, len, nwrittenOut);
    }

    @Override
    public int downstreamTlsClientHello(int req, byte[] buf, int len, int[] nwrittenOut) {
        return bytes(req, connection().tlsClientHello(), buf, len, nwrittenOut);
    }

    @Override
    public int downstreamTlsRawClientCertificate(int req, byte[] buf, int len, int[] nwrittenOut) {
        return bytes(req, connection().tlsClientCertificate(), buf, len, nwrittenOut);
    }

    @Override
    public int downstreamTlsClientServername(int req, byte[] buf, int len, int[] nwrittenOut) {
        return text(req, connection().tlsServerName(), buf, len, nwrittenOut);
    }

    @Override
    public int downstreamTlsJa4(int req, byte[] buf, int len, int[] nwrittenOut) {
        return text(req, connection().ja4(), buf, len, nwrittenOut);
    }

    // ---- what the local server does not have (proxy reputation)

    @Override
    public int downstreamResvpnproxyVpnServiceName(int req, byte[] buf, int len, int[] nwrittenOut) {
        return absent(req);
    }

    /** {@code downstream_tls_ja3_md5}: the 16 bytes the connection knows, or {@code none}. */
    @Override
    public int downstreamTlsJa3Md5(int req, byte[] out16, int[] nwrittenOut) {
        if (client(req) == null) {
            return status(req);
        }
        Optional<byte[]> md5 = connection().ja3Md5();
        if (md5.isEmpty()) {
            return FastlyStatus.NONE;
        }
        System.arraycopy(md5.get(), 0, out16, 0, 16);
        nwrittenOut[0] = 16;
        return FastlyStatus.OK;
    }

    /** {@code downstream_tls_client_cert_verify_result}: known with a client certificate, else {@code none}. */
    @Override
    public int downstreamTlsClientCertVerifyResult(int req, int[] out) {
        if (client(req) == null) {
            return status(req);
        }
        Optional<Integer> result = connection().tlsClientCertVerifyResult();
        if (result.isEmpty()) {
            return FastlyStatus.NONE;
        }
        out[0] = result.get();
        return FastlyStatus.OK;
    }

    @Override
    public int downstreamResvpnproxyIsAnonymous(int req, int[] out) {
        return absent(req);
    }

    @Override
    public int downstreamResvpnproxyIsAnonymousVpn(int req, int[] out) {
        return absent(req);
    }

    @Override
    public int downstreamResvpnproxyIsHostingProvider(int req, int[] out) {
        return absent(req);
    }

    @Override
    public int downstreamResvpnproxyIsProxyOverVpn(int req, int[] out) {
        return absent(req);
    }

    @Override
    public int downstreamResvpnproxyIsPublicProxy(int req, int[] out) {
        return absent(req);
    }

    @Override
    public int downstreamResvpnproxyIsRelayProxy(int req, int[] out) {
        return absent(req);
    }

    @Override
    public int downstreamResvpnproxyIsResidentialProxy(int req, int[] out) {
        return absent(req);
    }

    @Override
    public int downstreamResvpnproxyIsSmartDnsProxy(int req, int[] out) {
        return absent(req);
    }

    @Override
    public int downstreamResvpnproxyIsTorExitNode(int req, int[] out) {
        return absent(req);
    }

    @Override
    public int downstreamResvpnproxyIsVpnDatacenter(int req, int[] out) {
        return absent(req);
    }

    // ---- bot detection

    @Override
    public int downstreamBotAnalyzed(int req, int[] out) {
        return botFlag(req, "analyzed", out);
    }

    @Override
    public int downstreamBotDetected(int req, int[] out) {
        return botFlag(req, "detected", out);
    }

    @Override
    public int downstreamBotVerified(int req, int[] out) {
        return botFlag(req, "verified", out);
    }

    @Override
    public int downstreamBotName(int req, byte[] buf, int len, int[] nwrittenOut) {
        return botText(req, "name", buf, len, nwrittenOut);
    }

    @Override
    public int downstreamBotCategory(int req, byte[] buf, int len, int[] nwrittenOut) {
        return botText(req, "category", buf, len, nwrittenOut);
    }

    /**
     * Metadata a plain-HTTP local server does not have (TLS details, fingerprints, proxy reputation): {@code
     * none} for a client request, after checking the handle.
     */
    private int absent(int req) {
        return client(req) == null ? status(req) : FastlyStatus.NONE;
    }

    /**
     * {@code downstream_bot_analyzed}, {@code downstream_bot_detected} and {@code downstream_bot_verified}: read
     * from the request's {@code X-Fastly-Bot-Analyzed}/{@code -Detected}/{@code -Verified} headers ({@code
     * "true"} is 1), so tests can simulate bot detection. A missing verified header is {@code none}.
     *
     * @param which "analyzed", "detected" or "verified"
     */
    private int botFlag(int req, String which, int[] out) {
        DownstreamRequest d = client(req);
        if (d == null) {
            return status(req);
        }
        String v = d.originalHeaders().first("x-fastly-bot-" + which);
        if (v == null && which.equals("verified")) {
            return FastlyStatus.NONE;
        }
        out[0] = "true".equals(v) ? 1 : 0;
        return FastlyStatus.OK;
    }

    /** {@code downstream_bot_name} and {@code downstream_bot_category}, from {@code X-Fastly-Bot-Name/-Category}. */
    private int botText(int req, String which, byte[] buf, int len, int[] nwrittenOut) {
        DownstreamRequest d = client(req);
        if (d == null) {
            return status(req);
        }
        String v = d.originalHeaders().first("x-fastly-bot-" + which);
        if (v == null) {
            return FastlyStatus.NONE;
        }
        return Buffers.single(Buffers.latin1(v), buf, len, nwrittenOut);
    }

    /** {@code downstream_bot_category_kind}: the number of the {@code X-Fastly-Bot-Category} header's category. */
    @Override
    public int downstreamBotCategoryKind(int req, int[] out) {
        DownstreamRequest d = client(req);
        if (d == null) {
            return status(req);
        }
        String v = d.originalHeaders().first("x-fastly-bot-category");
        if (v == null) {
            return FastlyStatus.NONE;
        }
        String[] kinds = {
            "none",
            "suspected",
            "accessibility",
            "ai-crawler",
            "ai-fetcher",
            "content-fetcher",
            "monitoring-site-tools",
            "online-marketing",
            "page-preview",
            "platform-integration",
            "research",
            "search-engine-crawler",
            "search-engine-optimization",
            "security-tools",
            "headless"
        };
        String k = v.trim().toLowerCase(Locale.ROOT);
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i].equals(k)) {
                out[0] = i;
                return FastlyStatus.OK;
            }
        }
        try {
            out[0] = Integer.parseInt(k);
            return FastlyStatus.OK;
        } catch (NumberFormatException e) {
            return FastlyStatus.NONE;
        }
    }

    /** The client request behind a downstream request handle, or null. */
    private DownstreamRequest client(int req) {
        HostRequest r = handles.get(req, HostRequest.class);
        return r == null || !r.downstream ? null : r.client;
    }

    /** The status for a handle that is not a client request: {@code badf} if not a request at all. */
    private int status(int req) {
        return handles.get(req, HostRequest.class) == null ? FastlyStatus.BADF : FastlyStatus.ERROR;
    }
}
