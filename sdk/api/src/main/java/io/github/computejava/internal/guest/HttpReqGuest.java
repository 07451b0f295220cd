package io.github.computejava.internal.guest;

import static io.github.computejava.internal.guest.Addresses.aligned;
import static io.github.computejava.internal.guest.Addresses.orEmpty;

import io.github.computejava.HostcallException;
import io.github.computejava.abi.DynamicBackendRecord;
import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.FramingHeadersMode;
import io.github.computejava.internal.AdaptiveBuffer;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.MultiValue;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
import java.util.List;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_http_req} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and (as the typed layer grows) the typed calls over them.
 */
public final class HttpReqGuest {
    private HttpReqGuest() {}

    /** The handle value no handle has, for a field not holding one yet. */
    public static final int INVALID_HANDLE = FastlyStatus.INVALID_HANDLE;

    /**
     * What an asynchronous send, or a wait, poll or select on pending requests, ended with: a pending request's
     * handle, a response's handles, or a failed send's status and {@code send_error_detail} record.
     */
    public static final class Outcome {
        private final int status;
        private final byte[] detail;
        private final int pending;
        private final boolean done;
        private final int response;
        private final int body;
        private final int index;

        private Outcome(int status, byte[] detail, int pending, boolean done, int response, int body, int index) {
            this.status = status;
            this.detail = detail;
            this.pending = pending;
            this.done = done;
            this.response = response;
            this.body = body;
            this.index = index;
        }

        /**
         * A failed call's outcome, as the host reported it.
         *
         * @param status the status
         * @param detail the {@code send_error_detail} record
         * @return the outcome
         */
        public static Outcome failure(int status, byte[] detail) {
            return new Outcome(status, detail, 0, true, 0, 0, 0);
        }

        /** @return whether the call succeeded (a pending request's handle, or a response) */
        public boolean ok() {
            return status == FastlyStatus.OK;
        }

        /** @return the pending request's handle, after an asynchronous send */
        public int pending() {
            return pending;
        }

        /** @return whether the request is done: false only for a poll that found it still waiting */
        public boolean done() {
            return done;
        }

        /** @return the response handle */
        public int response() {
            return response;
        }

        /** @return the response's body handle */
        public int body() {
            return body;
        }

        /** @return the index of the request a select found done */
        public int index() {
            return index;
        }

        /** @return whether the host refused the call's arguments ({@code inval}: an unknown backend, say) */
        public boolean invalidArgument() {
            return status == FastlyStatus.INVAL;
        }

        /** @return the failure as the exception of a host error, naming {@code send_v2} */
        public HostcallException hostError() {
            return Statuses.toException(status, "fastly_http_req.send_v2");
        }

        /** @return the {@code send_error_detail_tag}: 0 when the host wrote none, 1 for ok */
        public int errorTag() {
            return u32(FastlyHttpReq.SEND_ERROR_DETAIL_OFF_TAG);
        }

        /** @return the DNS error's rcode, or -1 when the host gave none */
        public int dnsRcode() {
            return has(FastlyHttpReq.SEND_ERROR_MASK_DNS_ERROR_RCODE)
                    ? u16(FastlyHttpReq.SEND_ERROR_DETAIL_OFF_DNS_ERROR_RCODE)
                    : -1;
        }

        /** @return the DNS error's info code, or -1 when the host gave none */
        public int dnsInfoCode() {
            return has(FastlyHttpReq.SEND_ERROR_MASK_DNS_ERROR_INFO_CODE)
                    ? u16(FastlyHttpReq.SEND_ERROR_DETAIL_OFF_DNS_ERROR_INFO_CODE)
                    : -1;
        }

        /** @return the TLS alert id, or -1 when the host gave none */
        public int tlsAlertId() {
            return has(FastlyHttpReq.SEND_ERROR_MASK_TLS_ALERT_ID)
                    ? detail[FastlyHttpReq.SEND_ERROR_DETAIL_OFF_TLS_ALERT_ID] & 0xFF
                    : -1;
        }

        /** @return the HTTP/2 error's frame type, or -1 when the host gave none */
        public int h2ErrorFrame() {
            return has(FastlyHttpReq.SEND_ERROR_MASK_H2_ERROR)
                    ? detail[FastlyHttpReq.SEND_ERROR_DETAIL_OFF_H2_ERROR_FRAME] & 0xFF
                    : -1;
        }

        /** @return the HTTP/2 error code (a u32), meaningful when {@link #h2ErrorFrame()} is not -1 */
        public long h2ErrorCode() {
            return u32(FastlyHttpReq.SEND_ERROR_DETAIL_OFF_H2_ERROR_CODE) & 0xFFFFFFFFL;
        }

        private boolean has(int maskBit) {
            return (u32(FastlyHttpReq.SEND_ERROR_DETAIL_OFF_MASK) & maskBit) != 0;
        }

        private int u32(int off) {
            byte[] b = detail;
            return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
        }

        private int u16(int off) {
            return (detail[off] & 0xFF) | (detail[off + 1] & 0xFF) << 8;
        }
    }

    /**
     * A fresh {@code send_error_detail} record with the mask set, so the host fills in what it knows.
     *
     * @return the record's bytes
     */
    public static byte[] newDetail() {
        byte[] b = new byte[FastlyHttpReq.SEND_ERROR_DETAIL_SIZE];
        // every mask bit this SDK reads: reserved, dns rcode and info code, tls alert, h2 error
        b[FastlyHttpReq.SEND_ERROR_DETAIL_OFF_MASK] = (byte) (FastlyHttpReq.SEND_ERROR_MASK_RESERVED
                | FastlyHttpReq.SEND_ERROR_MASK_DNS_ERROR_RCODE
                | FastlyHttpReq.SEND_ERROR_MASK_DNS_ERROR_INFO_CODE
                | FastlyHttpReq.SEND_ERROR_MASK_TLS_ALERT_ID
                | FastlyHttpReq.SEND_ERROR_MASK_H2_ERROR);
        return b;
    }

    /**
     * {@code send_v2}: sends a request and waits for the response head (the host's readthrough cache answers when
     * it can).
     *
     * @param req the request handle (the host takes it)
     * @param body the body handle (the host takes it)
     * @param backend the backend's name
     * @return the response's handles, or the failure with its {@code send_error_detail}
     */
    public static Outcome send(int req, int body, byte[] backend) {
        byte[] detail = newDetail();
        int[] resp = new int[1];
        int[] respBody = new int[1];
        int status = Host.calls().httpReq().sendV2(req, body, backend, detail, resp, respBody);
        return new Outcome(status, detail, 0, true, resp[0], respBody[0], 0);
    }

    /**
     * {@code send_async}, or {@code send_async_streaming} when the program keeps writing the body.
     *
     * @param req the request handle (the host takes it)
     * @param body the body handle (the host takes it, unless streaming)
     * @param backend the backend's name
     * @param streaming whether the body stays open for the program to write and close
     * @return the pending request's handle, or the failure ({@code inval} for an unknown backend)
     */
    public static Outcome sendAsync(int req, int body, byte[] backend, boolean streaming) {
        FastlyHttpReq calls = Host.calls().httpReq();
        int[] out = new int[1];
        int status = streaming
                ? calls.sendAsyncStreaming(req, body, backend, out)
                : calls.sendAsync(req, body, backend, out);
        return new Outcome(status, new byte[FastlyHttpReq.SEND_ERROR_DETAIL_SIZE], out[0], false, 0, 0, -1);
    }

    /**
     * {@code pending_req_poll_v2}: the response if the request is done; the handle is used up when it is.
     *
     * @param pending the pending request's handle
     * @return the outcome, {@link Outcome#done()} false while waiting
     */
    public static Outcome poll(int pending) {
        byte[] detail = newDetail();
        int[] done = new int[1];
        int[] resp = new int[1];
        int[] body = new int[1];
        int status = Host.calls().httpReq().pendingReqPollV2(pending, detail, done, resp, body);
        return new Outcome(status, detail, pending, status != FastlyStatus.OK || done[0] != 0, resp[0], body[0], 0);
    }

    /**
     * {@code pending_req_wait_v2}: waits for the response; the handle is used up.
     *
     * @param pending the pending request's handle
     * @return the response or the failure
     */
    public static Outcome await(int pending) {
        byte[] detail = newDetail();
        int[] resp = new int[1];
        int[] body = new int[1];
        int status = Host.calls().httpReq().pendingReqWaitV2(pending, detail, resp, body);
        return new Outcome(status, detail, pending, true, resp[0], body[0], 0);
    }

    /**
     * {@code pending_req_select_v2}: waits for the first of several pending requests; its handle is used up, the
     * others stay pending.
     *
     * @param pendings the pending requests' handles, at least one
     * @return the outcome of the one done, and its index in {@code pendings}
     */
    public static Outcome select(int[] pendings) {
        byte[] detail = newDetail();
        int[] index = new int[1];
        int[] resp = new int[1];
        int[] body = new int[1];
        int status = Host.calls().httpReq().pendingReqSelectV2(pendings, detail, index, resp, body);
        return new Outcome(status, detail, 0, true, resp[0], body[0], index[0]);
    }

    /**
     * A request's HTTP version ({@code version_get}), as a protocol name.
     *
     * @param req the request handle
     * @return {@code HTTP/0.9}, {@code HTTP/1.0}, {@code HTTP/1.1}, {@code HTTP/2} or {@code HTTP/3}
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static String version(int req) {
        int[] out = new int[1];
        io.github.computejava.internal.Statuses.check(
                io.github.computejava.internal.Host.calls().httpReq().versionGet(req, out),
                "fastly_http_req.version_get");
        switch (out[0]) {
            case io.github.computejava.abi.HttpVersion.HTTP_09:
                return "HTTP/0.9";
            case io.github.computejava.abi.HttpVersion.HTTP_10:
                return "HTTP/1.0";
            case io.github.computejava.abi.HttpVersion.H2:
                return "HTTP/2";
            case io.github.computejava.abi.HttpVersion.H3:
                return "HTTP/3";
            default:
                return "HTTP/1.1";
        }
    }

    /**
     * {@code body_downstream_get}: the client request's handles.
     *
     * @param reqOut receives the request handle
     * @param bodyOut receives its body's handle
     * @throws io.github.computejava.HostcallException if the host refuses
     */
    public static void downstream(int[] reqOut, int[] bodyOut) {
        Statuses.check(
                Host.calls().httpReq().bodyDownstreamGet(reqOut, bodyOut), "fastly_http_req.body_downstream_get");
    }

    /**
     * {@code new}, then {@code method_set} and {@code uri_set}: a request to send.
     *
     * @param method the method
     * @param uri the URI
     * @return its handle
     * @throws io.github.computejava.HostcallException if the host refuses
     */
    public static int create(String method, String uri) {
        FastlyHttpReq calls = Host.calls().httpReq();
        int[] out = new int[1];
        Statuses.check(calls.new_(out), "fastly_http_req.new");
        int req = out[0];
        Statuses.check(calls.methodSet(req, Text.latin1(method)), "fastly_http_req.method_set");
        Statuses.check(calls.uriSet(req, Text.latin1(uri)), "fastly_http_req.uri_set");
        return req;
    }

    /**
     * {@code close}; a handle already released is not an error.
     *
     * @param req the request handle
     * @throws io.github.computejava.HostcallException if the host refuses otherwise
     */
    public static void close(int req) {
        int s = Host.calls().httpReq().close(req);
        if (s != FastlyStatus.OK && s != FastlyStatus.BADF) {
            throw Statuses.toException(s, "fastly_http_req.close");
        }
    }

    /**
     * The request's method ({@code method_get}, retried on {@code buflen}).
     *
     * @param req the request handle
     * @return the method, or null when the host has none
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static String method(int req) {
        byte[] b = AdaptiveBuffer.get(new Reader(req, null, true), 16, "fastly_http_req.method_get");
        return b == null ? null : Text.latin1(b, 0, b.length);
    }

    /**
     * The request's URI ({@code uri_get}, retried on {@code buflen}).
     *
     * @param req the request handle
     * @return the URI, or null when the host has none
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static String uri(int req) {
        byte[] b = AdaptiveBuffer.get(new Reader(req, null, false), 1024, "fastly_http_req.uri_get");
        return b == null ? null : Text.latin1(b, 0, b.length);
    }

    /**
     * {@code method_set}.
     *
     * @param req the request handle
     * @param method the method
     * @throws io.github.computejava.HostcallException if the host refuses
     */
    public static void setMethod(int req, String method) {
        Statuses.check(Host.calls().httpReq().methodSet(req, Text.latin1(method)), "fastly_http_req.method_set");
    }

    /**
     * {@code uri_set}.
     *
     * @param req the request handle
     * @param uri the URI
     * @throws io.github.computejava.HostcallException if the host refuses
     */
    public static void setUri(int req, String uri) {
        Statuses.check(Host.calls().httpReq().uriSet(req, Text.latin1(uri)), "fastly_http_req.uri_set");
    }

    /**
     * The request's header names, in order ({@code header_names_get}).
     *
     * @param req the request handle
     * @return the names
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static List<String> headerNames(int req) {
        return MultiValue.read(new Reader(req, null, true), 1024, "fastly_http_req.header_names_get");
    }

    /**
     * The values of one request header, in order ({@code header_values_get}).
     *
     * @param req the request handle
     * @param name the header name, Latin-1
     * @return the values
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static List<String> headerValues(int req, byte[] name) {
        return MultiValue.read(new Reader(req, name, false), 1024, "fastly_http_req.header_values_get");
    }

    /**
     * The getters of a request's values of unknown size, in one class (each lambda would be a class of its own in
     * {@code main.wasm}): the method or URI ({@link AdaptiveBuffer}), the header names or one header's values
     * ({@link MultiValue}).
     */
    private static final class Reader implements AdaptiveBuffer.Getter, MultiValue.Getter {
        private final int req;
        private final byte[] name;
        private final boolean first;

        /** {@code first}: the method, or the header names; else the URI, or the values of {@code name}. */
        Reader(int req, byte[] name, boolean first) {
            this.req = req;
            this.name = name;
            this.first = first;
        }

        @Override
        public int get(byte[] buf, int len, int[] nwrittenOut) {
            FastlyHttpReq calls = Host.calls().httpReq();
            return first ? calls.methodGet(req, buf, len, nwrittenOut) : calls.uriGet(req, buf, len, nwrittenOut);
        }

        @Override
        public int get(byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
            FastlyHttpReq calls = Host.calls().httpReq();
            return first
                    ? calls.headerNamesGet(req, buf, len, cursor, endingCursorOut, nwrittenOut)
                    : calls.headerValuesGet(req, name, buf, len, cursor, endingCursorOut, nwrittenOut);
        }
    }

    /**
     * {@code header_values_set}: replaces a header's values.
     *
     * @param req the request handle
     * @param name the header name
     * @param values the values, as {@link MultiValue#encode} lays them out
     * @throws io.github.computejava.HostcallException if the host refuses
     */
    public static void setHeaderValues(int req, String name, byte[] values) {
        Statuses.check(
                Host.calls().httpReq().headerValuesSet(req, Text.latin1(name), values, values.length),
                "fastly_http_req.header_values_set");
    }

    /**
     * {@code header_insert}.
     *
     * @param req the request handle
     * @param name the header name
     * @param value the value
     * @throws io.github.computejava.HostcallException if the host refuses
     */
    public static void insertHeader(int req, String name, String value) {
        Statuses.check(
                Host.calls().httpReq().headerInsert(req, Text.latin1(name), Text.latin1(value)),
                "fastly_http_req.header_insert");
    }

    /**
     * {@code header_remove}.
     *
     * @param req the request handle
     * @param name the header name
     * @throws io.github.computejava.HostcallException if the host refuses
     */
    public static void removeHeader(int req, String name) {
        Statuses.check(Host.calls().httpReq().headerRemove(req, Text.latin1(name)), "fastly_http_req.header_remove");
    }

    /**
     * How the host sends a request: {@code framing_headers_mode_set} to manual (the request's own framing headers
     * go out) and {@code auto_decompress_response_set} with gzip (a gzip-encoded response reaches the program
     * decompressed), each only when asked for.
     *
     * @param req the request handle
     * @param manualFraming whether to set manual framing
     * @param decompressGzip whether to set gzip decompression
     * @throws io.github.computejava.HostcallException if the host refuses
     */
    public static void sendModes(int req, boolean manualFraming, boolean decompressGzip) {
        FastlyHttpReq calls = Host.calls().httpReq();
        if (manualFraming) {
            Statuses.check(
                    calls.framingHeadersModeSet(req, FramingHeadersMode.MANUALLY_FROM_HEADERS),
                    "fastly_http_req.framing_headers_mode_set");
        }
        if (decompressGzip) {
            // content_encodings.gzip
            Statuses.check(calls.autoDecompressResponseSet(req, 1), "fastly_http_req.auto_decompress_response_set");
        }
    }

    /**
     * A dynamic backend's {@code dynamic_backend_config} as Java values, with its {@code backend_config_options}
     * mask (the bits named here, which live here so that only a program registering backends carries them): a
     * field counts only when its bit is set. {@link HttpReqGuest#registerBackend} answers one of the results
     * named here too.
     */
    public static final class BackendConfig {
        /** {@code backend_config_options} host_override. */
        public static final int HOST_OVERRIDE = DynamicBackendRecord.HOST_OVERRIDE;

        /** {@code backend_config_options} connect_timeout. */
        public static final int CONNECT_TIMEOUT = DynamicBackendRecord.CONNECT_TIMEOUT;

        /** {@code backend_config_options} first_byte_timeout. */
        public static final int FIRST_BYTE_TIMEOUT = DynamicBackendRecord.FIRST_BYTE_TIMEOUT;

        /** {@code backend_config_options} between_bytes_timeout. */
        public static final int BETWEEN_BYTES_TIMEOUT = DynamicBackendRecord.BETWEEN_BYTES_TIMEOUT;

        /** {@code backend_config_options} use_ssl. */
        public static final int USE_SSL = DynamicBackendRecord.USE_SSL;

        /** {@code backend_config_options} ssl_min_version. */
        public static final int SSL_MIN_VERSION = DynamicBackendRecord.SSL_MIN_VERSION;

        /** {@code backend_config_options} ssl_max_version. */
        public static final int SSL_MAX_VERSION = DynamicBackendRecord.SSL_MAX_VERSION;

        /** {@code backend_config_options} cert_hostname. */
        public static final int CERT_HOSTNAME = DynamicBackendRecord.CERT_HOSTNAME;

        /** {@code backend_config_options} ca_cert. */
        public static final int CA_CERT = DynamicBackendRecord.CA_CERT;

        /** {@code backend_config_options} ciphers. */
        public static final int CIPHERS = DynamicBackendRecord.CIPHERS;

        /** {@code backend_config_options} sni_hostname. */
        public static final int SNI_HOSTNAME = DynamicBackendRecord.SNI_HOSTNAME;

        /** {@code backend_config_options} dont_pool. */
        public static final int DONT_POOL = DynamicBackendRecord.DONT_POOL;

        /** {@code backend_config_options} client_cert. */
        public static final int CLIENT_CERT = DynamicBackendRecord.CLIENT_CERT;

        /** {@code backend_config_options} grpc. */
        public static final int GRPC = DynamicBackendRecord.GRPC;

        /** {@code backend_config_options} keepalive. */
        public static final int KEEPALIVE = DynamicBackendRecord.KEEPALIVE;

        /** {@code backend_config_options} pooling_limits. */
        public static final int POOLING_LIMITS = DynamicBackendRecord.POOLING_LIMITS;

        /** {@link HttpReqGuest#registerBackend}: the backend is registered. */
        public static final int REGISTERED = 0;

        /** {@link HttpReqGuest#registerBackend}: a backend of that name exists ({@code error}). */
        public static final int NAME_IN_USE = 1;

        /** {@link HttpReqGuest#registerBackend}: the service may not register backends ({@code unsupported}). */
        public static final int DISALLOWED = 2;

        /** {@link HttpReqGuest#registerBackend}: the host refuses the name, target or options ({@code inval}). */
        public static final int INVALID = 3;

        /** The {@code backend_config_options} bits. */
        public int mask;
        /** The Host header to send, or null. */
        public String hostOverride;
        /** The connect timeout, in milliseconds (a u32). */
        public int connectTimeoutMs;
        /** The first-byte timeout, in milliseconds (a u32). */
        public int firstByteTimeoutMs;
        /** The between-bytes timeout, in milliseconds (a u32). */
        public int betweenBytesTimeoutMs;
        /** The lowest TLS version's code. */
        public int sslMinVersion;
        /** The highest TLS version's code. */
        public int sslMaxVersion;
        /** The certificate's host name, or null. */
        public String certHostname;
        /** The CA certificate (PEM), or null. */
        public String caCert;
        /** The OpenSSL cipher list, or null. */
        public String ciphers;
        /** The SNI host name, or null. */
        public String sniHostname;
        /** The client certificate (PEM), or null. */
        public String clientCertificate;
        /** The client key's secret handle. */
        public int clientKey;
        /** The HTTP keep-alive time, in milliseconds (a u32). */
        public int httpKeepaliveTimeMs;
        /** Whether TCP keep-alive is on. */
        public boolean tcpKeepalive;
        /** The TCP keep-alive interval, in seconds (a u32). */
        public int tcpKeepaliveIntervalSecs;
        /** The TCP keep-alive probes (a u32). */
        public int tcpKeepaliveProbes;
        /** The TCP keep-alive time, in seconds (a u32). */
        public int tcpKeepaliveTimeSecs;
        /** The pool's connection limit (a u32, 0 unlimited). */
        public int maxConnections;
        /** The uses per connection (a u32, 0 unlimited). */
        public int maxUse;
        /** A connection's lifetime, in milliseconds (a u32, 0 unlimited). */
        public int maxLifetimeMs;

        DynamicBackendRecord lower() {
            DynamicBackendRecord c = new DynamicBackendRecord();
            c.hostOverride = utf8(hostOverride);
            c.connectTimeoutMs = connectTimeoutMs;
            c.firstByteTimeoutMs = firstByteTimeoutMs;
            c.betweenBytesTimeoutMs = betweenBytesTimeoutMs;
            c.sslMinVersion = sslMinVersion;
            c.sslMaxVersion = sslMaxVersion;
            c.certHostname = utf8(certHostname);
            c.caCert = utf8(caCert);
            c.ciphers = utf8(ciphers);
            c.clientCertificate = utf8(clientCertificate);
            c.clientKey = clientKey;
            c.sniHostname = utf8(sniHostname);
            c.httpKeepaliveTimeMs = httpKeepaliveTimeMs;
            c.tcpKeepaliveEnable = tcpKeepalive ? 1 : 0;
            c.tcpKeepaliveIntervalSecs = tcpKeepaliveIntervalSecs;
            c.tcpKeepaliveProbes = tcpKeepaliveProbes;
            c.tcpKeepaliveTimeSecs = tcpKeepaliveTimeSecs;
            c.maxConnections = maxConnections;
            c.maxUse = maxUse;
            c.maxLifetimeMs = maxLifetimeMs;
            return c;
        }

        private static byte[] utf8(String s) {
            return s == null ? null : Text.utf8(s);
        }
    }

    /**
     * {@code register_dynamic_backend}.
     *
     * @param name the backend's name
     * @param target the host and port to connect to
     * @param config the options
     * @return {@link BackendConfig#REGISTERED}, {@link BackendConfig#NAME_IN_USE}, {@link BackendConfig#DISALLOWED}
     *     or {@link BackendConfig#INVALID}
     * @throws io.github.computejava.HostcallException if the host fails the call otherwise
     */
    public static int registerBackend(String name, String target, BackendConfig config) {
        int status = Host.calls()
                .httpReq()
                .registerDynamicBackend(Text.latin1(name), Text.latin1(target), config.mask, config.lower());
        switch (status) {
            case FastlyStatus.OK:
                return BackendConfig.REGISTERED;
            case FastlyStatus.ERROR:
                return BackendConfig.NAME_IN_USE;
            case FastlyStatus.UNSUPPORTED:
                return BackendConfig.DISALLOWED;
            case FastlyStatus.INVAL:
                return BackendConfig.INVALID;
            default:
                throw Statuses.toException(status, "fastly_http_req.register_dynamic_backend");
        }
    }

    /**
     * The {@code cache_override_tag} bits of {@link #cacheOverride}. A class of their own, as javac copies the
     * values to where they are used: a constant in {@code HttpReqGuest} itself would be a static field in every
     * program's {@code main.wasm}.
     */
    public static final class CacheOverride {
        /** Pass the cache. */
        public static final int PASS = 1;

        /** The TTL is set. */
        public static final int TTL = 2;

        /** The stale-while-revalidate period is set. */
        public static final int STALE_WHILE_REVALIDATE = 4;

        /** The response is sensitive data. */
        public static final int PCI = 8;

        private CacheOverride() {}
    }

    /**
     * {@code cache_override_v2_set}: overrides the readthrough cache's rules for the request.
     *
     * @param req the request handle
     * @param tag the {@link CacheOverride} bits
     * @param ttl the TTL in seconds (a u32)
     * @param staleWhileRevalidate the stale-while-revalidate period in seconds (a u32)
     * @param surrogateKey the surrogate key, Latin-1 (empty for none)
     * @throws io.github.computejava.HostcallException if the host refuses
     */
    public static void cacheOverride(int req, int tag, int ttl, int staleWhileRevalidate, byte[] surrogateKey) {
        Statuses.check(
                Host.calls().httpReq().cacheOverrideV2Set(req, tag, ttl, staleWhileRevalidate, surrogateKey),
                "fastly_http_req.cache_override_v2_set");
    }

    /**
     * The {@code fastly_http_req} hostcalls inside {@code main.wasm}: one binding per function, which passes its arrays' data
     * addresses to the import. An array's address is taken in the call itself, so no allocation can move it in between.
     */
    @StaticInit
    public static final class Wasm implements FastlyHttpReq {
        /** The one instance; the imports are static. */
        public static final Wasm INSTANCE = new Wasm();

        private Wasm() {}

        // body_downstream_get() -> (status, request_handle, body_handle)
        @Import(module = "fastly_http_req", name = "body_downstream_get")
        private static native int bodyDownstreamGetImport(Address reqOut, Address bodyOut);

        @Override
        public int bodyDownstreamGet(int[] reqOut, int[] bodyOut) {
            return bodyDownstreamGetImport(Address.ofData(reqOut), Address.ofData(bodyOut));
        }

        // cache_override_set(h: request_handle, tag: cache_override_tag, ttl: u32, stale_while_revalidate: u32) ->
        // status
        @Import(module = "fastly_http_req", name = "cache_override_set")
        private static native int cacheOverrideSetImport(int req, int tag, int ttl, int staleWhileRevalidate);

        @Override
        public int cacheOverrideSet(int req, int tag, int ttl, int staleWhileRevalidate) {
            return cacheOverrideSetImport(req, tag, ttl, staleWhileRevalidate);
        }

        // cache_override_v2_set(h, tag: cache_override_tag, ttl: u32, stale_while_revalidate: u32, sk: list u8) ->
        // status
        @Import(module = "fastly_http_req", name = "cache_override_v2_set")
        private static native int cacheOverrideV2SetImport(int req, int tag, int ttl, int swr, Address sk, int skLen);

        @Override
        public int cacheOverrideV2Set(int req, int tag, int ttl, int staleWhileRevalidate, byte[] surrogateKey) {
            return cacheOverrideV2SetImport(
                    req, tag, ttl, staleWhileRevalidate, Address.ofData(surrogateKey), surrogateKey.length);
        }

        // downstream_client_ip_addr(addr_octets_out: ptr char8 [16]) -> (status, num_bytes)
        @Import(module = "fastly_http_req", name = "downstream_client_ip_addr")
        private static native int downstreamClientIpAddrImport(Address octets16, Address nwrittenOut);

        @Override
        public int downstreamClientIpAddr(byte[] octets16, int[] nwrittenOut) {
            return downstreamClientIpAddrImport(Address.ofData(octets16), Address.ofData(nwrittenOut));
        }

        // downstream_server_ip_addr(addr_octets_out: ptr char8 [16]) -> (status, num_bytes)
        @Import(module = "fastly_http_req", name = "downstream_server_ip_addr")
        private static native int downstreamServerIpAddrImport(Address octets16, Address nwrittenOut);

        @Override
        public int downstreamServerIpAddr(byte[] octets16, int[] nwrittenOut) {
            return downstreamServerIpAddrImport(Address.ofData(octets16), Address.ofData(nwrittenOut));
        }

        // downstream_client_h2_fingerprint(h2fp_out: ptr char8, h2fp_max_len: usize, nwritten_out: ptr usize) -> status
        @Import(module = "fastly_http_req", name = "downstream_client_h2_fingerprint")
        private static native int downstreamClientH2FingerprintImport(Address buf, int len, Address nwrittenOut);

        @Override
        public int downstreamClientH2Fingerprint(byte[] buf, int len, int[] nwrittenOut) {
            return downstreamClientH2FingerprintImport(Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // downstream_client_request_id(reqid_out: ptr char8, reqid_max_len: usize, nwritten_out: ptr usize) -> status
        @Import(module = "fastly_http_req", name = "downstream_client_request_id")
        private static native int downstreamClientRequestIdImport(Address buf, int len, Address nwrittenOut);

        @Override
        public int downstreamClientRequestId(byte[] buf, int len, int[] nwrittenOut) {
            return downstreamClientRequestIdImport(Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // downstream_client_oh_fingerprint(ohfp_out: ptr char8, ohfp_max_len: usize, nwritten_out: ptr usize) -> status
        @Import(module = "fastly_http_req", name = "downstream_client_oh_fingerprint")
        private static native int downstreamClientOhFingerprintImport(Address buf, int len, Address nwrittenOut);

        @Override
        public int downstreamClientOhFingerprint(byte[] buf, int len, int[] nwrittenOut) {
            return downstreamClientOhFingerprintImport(Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // downstream_client_ddos_detected() -> (status, ddos_detected u32)
        @Import(module = "fastly_http_req", name = "downstream_client_ddos_detected")
        private static native int downstreamClientDdosDetectedImport(Address out);

        @Override
        public int downstreamClientDdosDetected(int[] out) {
            return downstreamClientDdosDetectedImport(Address.ofData(out));
        }

        // downstream_tls_cipher_openssl_name(cipher_out: ptr char8, cipher_max_len: usize, nwritten_out) -> status
        @Import(module = "fastly_http_req", name = "downstream_tls_cipher_openssl_name")
        private static native int downstreamTlsCipherOpensslNameImport(Address buf, int len, Address nwrittenOut);

        @Override
        public int downstreamTlsCipherOpensslName(byte[] buf, int len, int[] nwrittenOut) {
            return downstreamTlsCipherOpensslNameImport(Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // downstream_tls_protocol(protocol_out: ptr char8, protocol_max_len: usize, nwritten_out) -> status
        @Import(module = "fastly_http_req", name = "downstream_tls_protocol")
        private static native int downstreamTlsProtocolImport(Address buf, int len, Address nwrittenOut);

        @Override
        public int downstreamTlsProtocol(byte[] buf, int len, int[] nwrittenOut) {
            return downstreamTlsProtocolImport(Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // downstream_tls_client_hello(chello_out: ptr char8, chello_max_len: usize, nwritten_out) -> status
        @Import(module = "fastly_http_req", name = "downstream_tls_client_hello")
        private static native int downstreamTlsClientHelloImport(Address buf, int len, Address nwrittenOut);

        @Override
        public int downstreamTlsClientHello(byte[] buf, int len, int[] nwrittenOut) {
            return downstreamTlsClientHelloImport(Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // downstream_tls_raw_client_certificate(raw_client_cert_out, raw_client_cert_max_len, nwritten_out) -> status
        @Import(module = "fastly_http_req", name = "downstream_tls_raw_client_certificate")
        private static native int downstreamTlsRawClientCertificateImport(Address buf, int len, Address nwrittenOut);

        @Override
        public int downstreamTlsRawClientCertificate(byte[] buf, int len, int[] nwrittenOut) {
            return downstreamTlsRawClientCertificateImport(Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // downstream_tls_client_cert_verify_result() -> (status, client_cert_verify_result)
        @Import(module = "fastly_http_req", name = "downstream_tls_client_cert_verify_result")
        private static native int downstreamTlsClientCertVerifyResultImport(Address out);

        @Override
        public int downstreamTlsClientCertVerifyResult(int[] out) {
            return downstreamTlsClientCertVerifyResultImport(Address.ofData(out));
        }

        // downstream_tls_ja3_md5(cja3_md5_out: ptr char8 [16]) -> (status, num_bytes)
        @Import(module = "fastly_http_req", name = "downstream_tls_ja3_md5")
        private static native int downstreamTlsJa3Md5Import(Address out16, Address nwrittenOut);

        @Override
        public int downstreamTlsJa3Md5(byte[] out16, int[] nwrittenOut) {
            return downstreamTlsJa3Md5Import(Address.ofData(out16), Address.ofData(nwrittenOut));
        }

        // downstream_tls_ja4(ja4_out: ptr char8, ja4_max_len: usize, nwritten_out: ptr usize) -> status
        @Import(module = "fastly_http_req", name = "downstream_tls_ja4")
        private static native int downstreamTlsJa4Import(Address buf, int len, Address nwrittenOut);

        @Override
        public int downstreamTlsJa4(byte[] buf, int len, int[] nwrittenOut) {
            return downstreamTlsJa4Import(Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // downstream_compliance_region(region_out: ptr char8, region_max_len: usize, nwritten_out: ptr usize) -> status
        @Import(module = "fastly_http_req", name = "downstream_compliance_region")
        private static native int downstreamComplianceRegionImport(Address buf, int len, Address nwrittenOut);

        @Override
        public int downstreamComplianceRegion(byte[] buf, int len, int[] nwrittenOut) {
            return downstreamComplianceRegionImport(Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // new() -> (status, request_handle)
        @Import(module = "fastly_http_req", name = "new")
        private static native int newImport(Address reqOut);

        @Override
        public int new_(int[] reqOut) {
            return newImport(Address.ofData(reqOut));
        }

        // header_names_get(h, buf: ptr char8, buf_len: usize, cursor: multi_value_cursor, ending_cursor_out: ptr s64,
        //   nwritten_out: ptr usize) -> status
        @Import(module = "fastly_http_req", name = "header_names_get")
        private static native int headerNamesGetImport(
                int req, Address buf, int len, int cursor, Address endingCursorOut, Address nwrittenOut);

        @Override
        public int headerNamesGet(int req, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
            long[] slot = new long[2];
            int status = headerNamesGetImport(
                    req, Address.ofData(buf), len, cursor, aligned(slot), Address.ofData(nwrittenOut));
            endingCursorOut[0] = aligned(slot).getLong();
            return status;
        }

        // original_header_names_get(buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
        @Import(module = "fastly_http_req", name = "original_header_names_get")
        private static native int originalHeaderNamesGetImport(
                Address buf, int len, int cursor, Address endingCursorOut, Address nwrittenOut);

        @Override
        public int originalHeaderNamesGet(byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
            long[] endingCursorOutSlot = new long[2];
            int status = originalHeaderNamesGetImport(
                    Address.ofData(buf), len, cursor, aligned(endingCursorOutSlot), Address.ofData(nwrittenOut));
            endingCursorOut[0] = aligned(endingCursorOutSlot).getLong();
            return status;
        }

        // original_header_count() -> (status, header_count u32)
        @Import(module = "fastly_http_req", name = "original_header_count")
        private static native int originalHeaderCountImport(Address countOut);

        @Override
        public int originalHeaderCount(int[] countOut) {
            return originalHeaderCountImport(Address.ofData(countOut));
        }

        // header_value_get(h, name: list u8, value: ptr char8, value_max_len: usize, nwritten_out: ptr usize) -> status
        @Import(module = "fastly_http_req", name = "header_value_get")
        private static native int headerValueGetImport(
                int req, Address name, int nameLen, Address buf, int len, Address nwrittenOut);

        @Override
        public int headerValueGet(int req, byte[] name, byte[] buf, int len, int[] nwrittenOut) {
            return headerValueGetImport(
                    req, Address.ofData(name), name.length, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // header_values_get(h, name: list u8, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
        @Import(module = "fastly_http_req", name = "header_values_get")
        private static native int headerValuesGetImport(
                int req,
                Address name,
                int nameLen,
                Address buf,
                int len,
                int cursor,
                Address endingCursorOut,
                Address nwrittenOut);

        @Override
        public int headerValuesGet(
                int req, byte[] name, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
            long[] slot = new long[2];
            int status = headerValuesGetImport(
                    req,
                    Address.ofData(name),
                    name.length,
                    Address.ofData(buf),
                    len,
                    cursor,
                    aligned(slot),
                    Address.ofData(nwrittenOut));
            endingCursorOut[0] = aligned(slot).getLong();
            return status;
        }

        // header_values_set(h, name: list u8, values: list char8 (each value NUL-terminated)) -> status
        @Import(module = "fastly_http_req", name = "header_values_set")
        private static native int headerValuesSetImport(
                int req, Address name, int nameLen, Address values, int valuesLen);

        @Override
        public int headerValuesSet(int req, byte[] name, byte[] values, int valuesLen) {
            return headerValuesSetImport(req, Address.ofData(name), name.length, Address.ofData(values), valuesLen);
        }

        // header_insert(h, name: list u8, value: list u8) -> status
        @Import(module = "fastly_http_req", name = "header_insert")
        private static native int headerInsertImport(int req, Address name, int nameLen, Address value, int valueLen);

        @Override
        public int headerInsert(int req, byte[] name, byte[] value) {
            return headerInsertImport(req, Address.ofData(name), name.length, Address.ofData(value), value.length);
        }

        // header_append(h, name: list u8, value: list u8) -> status
        @Import(module = "fastly_http_req", name = "header_append")
        private static native int headerAppendImport(int req, Address name, int nameLen, Address value, int valueLen);

        @Override
        public int headerAppend(int req, byte[] name, byte[] value) {
            return headerAppendImport(req, Address.ofData(name), name.length, Address.ofData(value), value.length);
        }

        // header_remove(h, name: list u8) -> status
        @Import(module = "fastly_http_req", name = "header_remove")
        private static native int headerRemoveImport(int req, Address name, int nameLen);

        @Override
        public int headerRemove(int req, byte[] name) {
            return headerRemoveImport(req, Address.ofData(name), name.length);
        }

        // method_get(h, buf: ptr char8, buf_len: usize, nwritten_out: ptr usize) -> status
        @Import(module = "fastly_http_req", name = "method_get")
        private static native int methodGetImport(int req, Address buf, int len, Address nwrittenOut);

        @Override
        public int methodGet(int req, byte[] buf, int len, int[] nwrittenOut) {
            return methodGetImport(req, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // method_set(h, method: string) -> status
        @Import(module = "fastly_http_req", name = "method_set")
        private static native int methodSetImport(int req, Address method, int len);

        @Override
        public int methodSet(int req, byte[] method) {
            return methodSetImport(req, Address.ofData(method), method.length);
        }

        // uri_get(h, buf: ptr char8, buf_len: usize, nwritten_out: ptr usize) -> status
        @Import(module = "fastly_http_req", name = "uri_get")
        private static native int uriGetImport(int req, Address buf, int len, Address nwrittenOut);

        @Override
        public int uriGet(int req, byte[] buf, int len, int[] nwrittenOut) {
            return uriGetImport(req, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // uri_set(h, uri: string) -> status
        @Import(module = "fastly_http_req", name = "uri_set")
        private static native int uriSetImport(int req, Address uri, int len);

        @Override
        public int uriSet(int req, byte[] uri) {
            return uriSetImport(req, Address.ofData(uri), uri.length);
        }

        // version_get(h) -> (status, http_version)
        @Import(module = "fastly_http_req", name = "version_get")
        private static native int versionGetImport(int req, Address versionOut);

        @Override
        public int versionGet(int req, int[] versionOut) {
            return versionGetImport(req, Address.ofData(versionOut));
        }

        // version_set(h, version: http_version) -> status
        @Import(module = "fastly_http_req", name = "version_set")
        private static native int versionSetImport(int req, int version);

        @Override
        public int versionSet(int req, int version) {
            return versionSetImport(req, version);
        }

        // send(h, b: body_handle, backend: string) -> (status, response_handle, body_handle)
        @Import(module = "fastly_http_req", name = "send")
        private static native int sendImport(
                int req, int body, Address backend, int backendLen, Address respOut, Address respBodyOut);

        @Override
        public int send(int req, int body, byte[] backend, int[] respOut, int[] respBodyOut) {
            return sendImport(
                    req,
                    body,
                    Address.ofData(backend),
                    backend.length,
                    Address.ofData(respOut),
                    Address.ofData(respBodyOut));
        }

        // send_v2(h, b: body_handle, backend: string, error_detail: ptr send_error_detail)
        //   -> (status, response_handle, body_handle)
        @Import(module = "fastly_http_req", name = "send_v2")
        private static native int sendV2Import(
                int req,
                int body,
                Address backend,
                int backendLen,
                Address errorDetail,
                Address respOut,
                Address bodyOut);

        @Override
        public int sendV2(int req, int body, byte[] backend, byte[] errorDetail, int[] respOut, int[] respBodyOut) {
            return sendV2Import(
                    req,
                    body,
                    Address.ofData(backend),
                    backend.length,
                    Address.ofData(errorDetail),
                    Address.ofData(respOut),
                    Address.ofData(respBodyOut));
        }

        // send_v3(h, b: body_handle, backend: string, error_detail: ptr send_error_detail)
        //   -> (status, response_handle, body_handle); no caching of any form
        @Import(module = "fastly_http_req", name = "send_v3")
        private static native int sendV3Import(
                int req,
                int body,
                Address backend,
                int backendLen,
                Address errorDetail,
                Address respOut,
                Address respBodyOut);

        @Override
        public int sendV3(int req, int body, byte[] backend, byte[] errorDetail, int[] respOut, int[] respBodyOut) {
            return sendV3Import(
                    req,
                    body,
                    Address.ofData(backend),
                    backend.length,
                    Address.ofData(errorDetail),
                    Address.ofData(respOut),
                    Address.ofData(respBodyOut));
        }

        // send_async(h, b: body_handle, backend: string) -> (status, pending_request_handle)
        @Import(module = "fastly_http_req", name = "send_async")
        private static native int sendAsyncImport(
                int req, int body, Address backend, int backendLen, Address pendingOut);

        @Override
        public int sendAsync(int req, int body, byte[] backend, int[] pendingOut) {
            return sendAsyncImport(req, body, Address.ofData(backend), backend.length, Address.ofData(pendingOut));
        }

        // send_async_v2(h, b: body_handle, backend: string, streaming: u32) -> (status, pending_request_handle)
        @Import(module = "fastly_http_req", name = "send_async_v2")
        private static native int sendAsyncV2Import(
                int req, int body, Address backend, int backendLen, int streaming, Address pendingOut);

        @Override
        public int sendAsyncV2(int req, int body, byte[] backend, int streaming, int[] pendingOut) {
            return sendAsyncV2Import(
                    req, body, Address.ofData(backend), backend.length, streaming, Address.ofData(pendingOut));
        }

        // send_async_streaming(h, b: body_handle, backend: string) -> (status, pending_request_handle)
        @Import(module = "fastly_http_req", name = "send_async_streaming")
        private static native int sendAsyncStreamingImport(
                int req, int body, Address backend, int backendLen, Address pendingOut);

        @Override
        public int sendAsyncStreaming(int req, int body, byte[] backend, int[] pendingOut) {
            return sendAsyncStreamingImport(
                    req, body, Address.ofData(backend), backend.length, Address.ofData(pendingOut));
        }

        // pending_req_header_insert(h: pending_request_handle, name: list u8, value: list u8,
        //   target: pending_response_kind) -> status
        @Import(module = "fastly_http_req", name = "pending_req_header_insert")
        private static native int pendingReqHeaderInsertImport(
                int pending, Address name, int nameLen, Address value, int valueLen, int target);

        @Override
        public int pendingReqHeaderInsert(int pending, byte[] name, byte[] value, int target) {
            return pendingReqHeaderInsertImport(
                    pending, Address.ofData(name), name.length, Address.ofData(value), value.length, target);
        }

        // pending_req_header_append(h: pending_request_handle, name: list u8, value: list u8,
        //   target: pending_response_kind) -> status
        @Import(module = "fastly_http_req", name = "pending_req_header_append")
        private static native int pendingReqHeaderAppendImport(
                int pending, Address name, int nameLen, Address value, int valueLen, int target);

        @Override
        public int pendingReqHeaderAppend(int pending, byte[] name, byte[] value, int target) {
            return pendingReqHeaderAppendImport(
                    pending, Address.ofData(name), name.length, Address.ofData(value), value.length, target);
        }

        // pending_req_header_remove(h: pending_request_handle, name: list u8, target: pending_response_kind) -> status
        @Import(module = "fastly_http_req", name = "pending_req_header_remove")
        private static native int pendingReqHeaderRemoveImport(int pending, Address name, int nameLen, int target);

        @Override
        public int pendingReqHeaderRemove(int pending, byte[] name, int target) {
            return pendingReqHeaderRemoveImport(pending, Address.ofData(name), name.length, target);
        }

        // pending_req_poll(h: pending_request_handle) -> (status, is_done, response_handle, body_handle)
        @Import(module = "fastly_http_req", name = "pending_req_poll")
        private static native int pendingReqPollImport(
                int pending, Address isDoneOut, Address respOut, Address respBodyOut);

        @Override
        public int pendingReqPoll(int pending, int[] isDoneOut, int[] respOut, int[] respBodyOut) {
            return pendingReqPollImport(
                    pending, Address.ofData(isDoneOut), Address.ofData(respOut), Address.ofData(respBodyOut));
        }

        // pending_req_poll_v2(h: pending_request_handle, error_detail: ptr send_error_detail)
        //   -> (status, is_done, response_handle, body_handle)
        @Import(module = "fastly_http_req", name = "pending_req_poll_v2")
        private static native int pendingReqPollV2Import(
                int pending, Address errorDetail, Address isDoneOut, Address respOut, Address respBodyOut);

        @Override
        public int pendingReqPollV2(
                int pending, byte[] errorDetail, int[] isDoneOut, int[] respOut, int[] respBodyOut) {
            return pendingReqPollV2Import(
                    pending,
                    Address.ofData(errorDetail),
                    Address.ofData(isDoneOut),
                    Address.ofData(respOut),
                    Address.ofData(respBodyOut));
        }

        // pending_req_wait(h: pending_request_handle) -> (status, response_handle, body_handle)
        @Import(module = "fastly_http_req", name = "pending_req_wait")
        private static native int pendingReqWaitImport(int pending, Address respOut, Address respBodyOut);

        @Override
        public int pendingReqWait(int pending, int[] respOut, int[] respBodyOut) {
            return pendingReqWaitImport(pending, Address.ofData(respOut), Address.ofData(respBodyOut));
        }

        // pending_req_wait_v2(h: pending_request_handle, error_detail: ptr send_error_detail)
        //   -> (status, response_handle, body_handle)
        @Import(module = "fastly_http_req", name = "pending_req_wait_v2")
        private static native int pendingReqWaitV2Import(
                int pending, Address errorDetail, Address respOut, Address bodyOut);

        @Override
        public int pendingReqWaitV2(int pending, byte[] errorDetail, int[] respOut, int[] respBodyOut) {
            return pendingReqWaitV2Import(
                    pending, Address.ofData(errorDetail), Address.ofData(respOut), Address.ofData(respBodyOut));
        }

        // pending_req_select(hs: list pending_request_handle) -> (status, done_idx, response_handle, body_handle)
        @Import(module = "fastly_http_req", name = "pending_req_select")
        private static native int pendingReqSelectImport(
                Address pendings, int pendingsLen, Address doneIdxOut, Address respOut, Address respBodyOut);

        @Override
        public int pendingReqSelect(int[] pendings, int[] doneIdxOut, int[] respOut, int[] respBodyOut) {
            return pendingReqSelectImport(
                    Address.ofData(pendings),
                    pendings.length,
                    Address.ofData(doneIdxOut),
                    Address.ofData(respOut),
                    Address.ofData(respBodyOut));
        }

        // pending_req_select_v2(hs: list pending_request_handle, error_detail: ptr send_error_detail)
        //   -> (status, done_idx, response_handle, body_handle)
        @Import(module = "fastly_http_req", name = "pending_req_select_v2")
        private static native int pendingReqSelectV2Import(
                Address pendings,
                int pendingsLen,
                Address errorDetail,
                Address doneIdxOut,
                Address respOut,
                Address respBodyOut);

        @Override
        public int pendingReqSelectV2(
                int[] pendings, byte[] errorDetail, int[] doneIdxOut, int[] respOut, int[] respBodyOut) {
            return pendingReqSelectV2Import(
                    Address.ofData(pendings),
                    pendings.length,
                    Address.ofData(errorDetail),
                    Address.ofData(doneIdxOut),
                    Address.ofData(respOut),
                    Address.ofData(respBodyOut));
        }

        // fastly_key_is_valid() -> (status, is_valid u32)
        @Import(module = "fastly_http_req", name = "fastly_key_is_valid")
        private static native int fastlyKeyIsValidImport(Address out);

        @Override
        public int fastlyKeyIsValid(int[] out) {
            return fastlyKeyIsValidImport(Address.ofData(out));
        }

        // close(h: request_handle) -> status
        @Import(module = "fastly_http_req", name = "close")
        private static native int closeImport(int req);

        @Override
        public int close(int req) {
            return closeImport(req);
        }

        // auto_decompress_response_set(h, encodings: content_encodings) -> status
        @Import(module = "fastly_http_req", name = "auto_decompress_response_set")
        private static native int autoDecompressResponseSetImport(int req, int encodings);

        @Override
        public int autoDecompressResponseSet(int req, int encodings) {
            return autoDecompressResponseSetImport(req, encodings);
        }

        // framing_headers_mode_set(h, mode: framing_headers_mode) -> status
        @Import(module = "fastly_http_req", name = "framing_headers_mode_set")
        private static native int framingHeadersModeSetImport(int req, int mode);

        @Override
        public int framingHeadersModeSet(int req, int mode) {
            return framingHeadersModeSetImport(req, mode);
        }

        // register_dynamic_backend(name_prefix: string, target: string, backend_config_mask: backend_config_options,
        //   backend_configuration: ptr dynamic_backend_config) -> status
        @Import(module = "fastly_http_req", name = "register_dynamic_backend")
        private static native int registerDynamicBackendImport(
                Address name, int nameLen, Address target, int targetLen, int mask, Address config);

        @Override
        public int registerDynamicBackend(byte[] namePrefix, byte[] target, int mask, DynamicBackendRecord config) {
            // allocate everything first: no allocation may happen between taking the addresses and the call
            byte[] record = new byte[DynamicBackendRecord.SIZE];
            byte[] hostOverride = orEmpty(config.hostOverride);
            byte[] certHostname = orEmpty(config.certHostname);
            byte[] caCert = orEmpty(config.caCert);
            byte[] ciphers = orEmpty(config.ciphers);
            byte[] sniHostname = orEmpty(config.sniHostname);
            byte[] clientCertificate = orEmpty(config.clientCertificate);
            putString(record, DynamicBackendRecord.OFF_HOST_OVERRIDE, hostOverride);
            DynamicBackendRecord.putU32(record, DynamicBackendRecord.OFF_CONNECT_TIMEOUT_MS, config.connectTimeoutMs);
            DynamicBackendRecord.putU32(
                    record, DynamicBackendRecord.OFF_FIRST_BYTE_TIMEOUT_MS, config.firstByteTimeoutMs);
            DynamicBackendRecord.putU32(
                    record, DynamicBackendRecord.OFF_BETWEEN_BYTES_TIMEOUT_MS, config.betweenBytesTimeoutMs);
            DynamicBackendRecord.putU32(record, DynamicBackendRecord.OFF_SSL_MIN_VERSION, config.sslMinVersion);
            DynamicBackendRecord.putU32(record, DynamicBackendRecord.OFF_SSL_MAX_VERSION, config.sslMaxVersion);
            putString(record, DynamicBackendRecord.OFF_CERT_HOSTNAME, certHostname);
            putString(record, DynamicBackendRecord.OFF_CA_CERT, caCert);
            putString(record, DynamicBackendRecord.OFF_CIPHERS, ciphers);
            putString(record, DynamicBackendRecord.OFF_SNI_HOSTNAME, sniHostname);
            putString(record, DynamicBackendRecord.OFF_CLIENT_CERTIFICATE, clientCertificate);
            DynamicBackendRecord.putU32(record, DynamicBackendRecord.OFF_CLIENT_KEY, config.clientKey);
            DynamicBackendRecord.putU32(
                    record, DynamicBackendRecord.OFF_HTTP_KEEPALIVE_TIME_MS, config.httpKeepaliveTimeMs);
            DynamicBackendRecord.putU32(
                    record, DynamicBackendRecord.OFF_TCP_KEEPALIVE_ENABLE, config.tcpKeepaliveEnable);
            DynamicBackendRecord.putU32(
                    record, DynamicBackendRecord.OFF_TCP_KEEPALIVE_INTERVAL_SECS, config.tcpKeepaliveIntervalSecs);
            DynamicBackendRecord.putU32(
                    record, DynamicBackendRecord.OFF_TCP_KEEPALIVE_PROBES, config.tcpKeepaliveProbes);
            DynamicBackendRecord.putU32(
                    record, DynamicBackendRecord.OFF_TCP_KEEPALIVE_TIME_SECS, config.tcpKeepaliveTimeSecs);
            DynamicBackendRecord.putU32(record, DynamicBackendRecord.OFF_MAX_CONNECTIONS, config.maxConnections);
            DynamicBackendRecord.putU32(record, DynamicBackendRecord.OFF_MAX_USE, config.maxUse);
            DynamicBackendRecord.putU32(record, DynamicBackendRecord.OFF_MAX_LIFETIME_MS, config.maxLifetimeMs);
            return registerDynamicBackendImport(
                    Address.ofData(namePrefix),
                    namePrefix.length,
                    Address.ofData(target),
                    target.length,
                    mask,
                    Address.ofData(record));
        }

        private static void putString(byte[] record, int off, byte[] value) {
            DynamicBackendRecord.putU32(record, off, Address.ofData(value).toInt());
            DynamicBackendRecord.putU32(record, off + 4, value.length);
        }
    }
}
