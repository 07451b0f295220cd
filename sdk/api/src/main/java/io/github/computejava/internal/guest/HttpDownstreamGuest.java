package io.github.computejava.internal.guest;

import static io.github.computejava.internal.guest.Addresses.aligned;

import io.github.computejava.abi.FastlyHttpDownstream;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.IpText;
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
 * The {@code fastly_http_downstream} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and (as the typed layer grows) the typed calls over them.
 */
public final class HttpDownstreamGuest {
    private HttpDownstreamGuest() {}

    /** Which value {@link #bytes} reads: {@code downstream_client_request_id}. */
    public static final int REQUEST_ID = 0;

    /** {@code downstream_tls_protocol}. */
    public static final int TLS_PROTOCOL = 1;

    /** {@code downstream_tls_cipher_openssl_name}. */
    public static final int TLS_CIPHER = 2;

    /** {@code downstream_tls_client_servername}. */
    public static final int TLS_SERVER_NAME = 3;

    /** {@code downstream_tls_client_hello}. */
    public static final int TLS_CLIENT_HELLO = 4;

    /** {@code downstream_tls_raw_client_certificate}. */
    public static final int TLS_CLIENT_CERTIFICATE = 5;

    /** {@code downstream_tls_ja4}. */
    public static final int JA4 = 6;

    /** {@code downstream_client_h2_fingerprint}. */
    public static final int H2_FINGERPRINT = 7;

    /** {@code downstream_client_oh_fingerprint}. */
    public static final int OH_FINGERPRINT = 8;

    /** Which flag {@link #flag} reads: {@code downstream_client_ddos_detected}. */
    public static final int DDOS_DETECTED = 0;

    /** {@code fastly_key_is_valid}. */
    public static final int FASTLY_KEY_IS_VALID = 1;

    /** {@code downstream_tls_client_cert_verify_result}. */
    public static final int CLIENT_CERT_VERIFY_RESULT = 2;

    /**
     * One of the client request's variable-length values, read whole (retrying on {@code buflen}).
     *
     * @param req the client request's handle
     * @param which {@link #REQUEST_ID}, {@link #TLS_PROTOCOL}, ... {@link #OH_FINGERPRINT}
     * @return the value's bytes, or null when the host has none ({@code none})
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static byte[] bytes(int req, int which) {
        FastlyHttpDownstream d = Host.calls().httpDownstream();
        switch (which) {
            case REQUEST_ID:
                return AdaptiveBuffer.get(
                        (b, l, n) -> d.downstreamClientRequestId(req, b, l, n),
                        32,
                        "fastly_http_downstream.downstream_client_request_id");
            case TLS_PROTOCOL:
                return AdaptiveBuffer.get(
                        (b, l, n) -> d.downstreamTlsProtocol(req, b, l, n),
                        16,
                        "fastly_http_downstream.downstream_tls_protocol");
            case TLS_CIPHER:
                return AdaptiveBuffer.get(
                        (b, l, n) -> d.downstreamTlsCipherOpensslName(req, b, l, n),
                        64,
                        "fastly_http_downstream.downstream_tls_cipher_openssl_name");
            case TLS_SERVER_NAME:
                return AdaptiveBuffer.get(
                        (b, l, n) -> d.downstreamTlsClientServername(req, b, l, n),
                        128,
                        "fastly_http_downstream.downstream_tls_client_servername");
            case TLS_CLIENT_HELLO:
                return AdaptiveBuffer.get(
                        (b, l, n) -> d.downstreamTlsClientHello(req, b, l, n),
                        512,
                        "fastly_http_downstream.downstream_tls_client_hello");
            case TLS_CLIENT_CERTIFICATE:
                return AdaptiveBuffer.get(
                        (b, l, n) -> d.downstreamTlsRawClientCertificate(req, b, l, n),
                        2048,
                        "fastly_http_downstream.downstream_tls_raw_client_certificate");
            case JA4:
                return AdaptiveBuffer.get(
                        (b, l, n) -> d.downstreamTlsJa4(req, b, l, n), 64, "fastly_http_downstream.downstream_tls_ja4");
            case H2_FINGERPRINT:
                return AdaptiveBuffer.get(
                        (b, l, n) -> d.downstreamClientH2Fingerprint(req, b, l, n),
                        128,
                        "fastly_http_downstream.downstream_client_h2_fingerprint");
            default:
                return AdaptiveBuffer.get(
                        (b, l, n) -> d.downstreamClientOhFingerprint(req, b, l, n),
                        128,
                        "fastly_http_downstream.downstream_client_oh_fingerprint");
        }
    }

    /**
     * One of the client request's numeric answers.
     *
     * @param req the client request's handle
     * @param which {@link #DDOS_DETECTED}, {@link #FASTLY_KEY_IS_VALID} or {@link #CLIENT_CERT_VERIFY_RESULT}
     * @return the value, or -1 when the host has none ({@code none})
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static int flag(int req, int which) {
        FastlyHttpDownstream d = Host.calls().httpDownstream();
        int[] out = new int[1];
        int status;
        String name;
        switch (which) {
            case DDOS_DETECTED:
                status = d.downstreamClientDdosDetected(req, out);
                name = "fastly_http_downstream.downstream_client_ddos_detected";
                break;
            case FASTLY_KEY_IS_VALID:
                status = d.fastlyKeyIsValid(req, out);
                name = "fastly_http_downstream.fastly_key_is_valid";
                break;
            default:
                status = d.downstreamTlsClientCertVerifyResult(req, out);
                name = "fastly_http_downstream.downstream_tls_client_cert_verify_result";
        }
        if (status == FastlyStatus.NONE) {
            return -1;
        }
        Statuses.check(status, name);
        return out[0];
    }

    /**
     * The 16 bytes of the client's JA3 fingerprint's MD5.
     *
     * @param req the client request's handle
     * @return the bytes, or null when the host has none
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static byte[] ja3Md5(int req) {
        byte[] out = new byte[16];
        int[] n = new int[1];
        int status = Host.calls().httpDownstream().downstreamTlsJa3Md5(req, out, n);
        if (status == FastlyStatus.NONE) {
            return null;
        }
        Statuses.check(status, "fastly_http_downstream.downstream_tls_ja3_md5");
        return out;
    }

    /**
     * The address the client request arrived at, in text form.
     *
     * @param req the client request's handle
     * @return the address, or null when the host has none
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static String serverAddress(int req) {
        byte[] octets = new byte[16];
        int[] n = new int[1];
        int status = Host.calls().httpDownstream().downstreamServerIpAddr(req, octets, n);
        if (status == FastlyStatus.NONE) {
            return null;
        }
        Statuses.check(status, "fastly_http_downstream.downstream_server_ip_addr");
        return IpText.format(octets, n[0]);
    }

    /**
     * The header names as the client sent them, in order, their case kept.
     *
     * @param req the client request's handle
     * @return the names
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static List<String> originalHeaderNames(int req) {
        return MultiValue.read(
                (buf, len, cursor, end, nw) ->
                        Host.calls().httpDownstream().downstreamOriginalHeaderNames(req, buf, len, cursor, end, nw),
                256,
                "fastly_http_downstream.downstream_original_header_names");
    }

    /**
     * The number of header fields the client sent.
     *
     * @param req the client request's handle
     * @return the count
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static int originalHeaderCount(int req) {
        int[] out = new int[1];
        Statuses.check(
                Host.calls().httpDownstream().downstreamOriginalHeaderCount(req, out),
                "fastly_http_downstream.downstream_original_header_count");
        return out[0];
    }

    /**
     * The client's address, in text form ({@code downstream_client_ip_addr}).
     *
     * @param req the client request's handle
     * @return the address, or null when the host has none
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static String clientAddress(int req) {
        byte[] octets = new byte[16];
        int[] n = new int[1];
        int status = Host.calls().httpDownstream().downstreamClientIpAddr(req, octets, n);
        if (status == FastlyStatus.NONE) {
            return null;
        }
        Statuses.check(status, "fastly_http_downstream.downstream_client_ip_addr");
        return IpText.format(octets, n[0]);
    }

    /**
     * Waits for the next client request of this instance ({@code next_request}, then {@code next_request_wait}).
     *
     * @param timeoutMillis how long to wait, or -1 for the host's limit
     * @param reqOut receives the request handle
     * @param bodyOut receives its body's handle
     * @return false when no request came (the host refused, timed out or has none to give)
     */
    public static boolean nextRequest(long timeoutMillis, int[] reqOut, int[] bodyOut) {
        FastlyHttpDownstream d = Host.calls().httpDownstream();
        int[] promise = new int[1];
        int mask = timeoutMillis < 0 ? 0 : FastlyHttpDownstream.NEXT_REQUEST_OPTIONS_TIMEOUT;
        if (d.nextRequest(mask, Math.max(timeoutMillis, 0), promise) != FastlyStatus.OK) {
            return false;
        }
        int status = d.nextRequestWait(promise[0], reqOut, bodyOut);
        if (status == FastlyStatus.OK) {
            return true;
        }
        if (status != FastlyStatus.NONE) {
            // the promise may still stand: withdraw it so a request handed to it is served elsewhere
            d.nextRequestAbandon(promise[0]);
        }
        return false;
    }

    /** Latin-1 text of a value {@link #bytes} read, or null. */
    public static String text(byte[] value) {
        return value == null ? null : Text.latin1(value, 0, value.length);
    }

    /**
     * The {@code fastly_http_downstream} hostcalls inside {@code main.wasm}: one binding per function, which passes its arrays' data
     * addresses to the import. An array's address is taken in the call itself, so no allocation can move it in between.
     */
    @StaticInit
    public static final class Wasm implements FastlyHttpDownstream {
        /** The one instance; the imports are static. */
        public static final Wasm INSTANCE = new Wasm();

        private Wasm() {}

        // next_request(options_mask: next_request_options_mask, options: ptr next_request_options)
        //   -> (status, request_promise_handle); the record's one field, timeout_ms (u64), is passed by value
        @Import(module = "fastly_http_downstream", name = "next_request")
        private static native int nextRequestImport(int mask, Address options, Address promiseOut);

        @Override
        public int nextRequest(int mask, long timeoutMs, int[] promiseOut) {
            // next_request_options holds a u64: 8-aligned inside a long[2]
            long[] record = new long[2];
            Address options = aligned(record);
            options.putLong(timeoutMs);
            return nextRequestImport(mask, options, Address.ofData(promiseOut));
        }

        // next_request_wait(handle: request_promise_handle) -> (status, request_handle, body_handle)
        @Import(module = "fastly_http_downstream", name = "next_request_wait")
        private static native int nextRequestWaitImport(int promise, Address reqOut, Address bodyOut);

        @Override
        public int nextRequestWait(int promise, int[] reqOut, int[] bodyOut) {
            return nextRequestWaitImport(promise, Address.ofData(reqOut), Address.ofData(bodyOut));
        }

        // next_request_abandon(handle: request_promise_handle) -> status
        @Import(module = "fastly_http_downstream", name = "next_request_abandon")
        private static native int nextRequestAbandonImport(int promise);

        @Override
        public int nextRequestAbandon(int promise) {
            return nextRequestAbandonImport(promise);
        }

        // downstream_original_header_names(req, buf: ptr char8, buf_len: usize, cursor: multi_value_cursor,
        //   ending_cursor_out: ptr s64, nwritten_out: ptr usize) -> status
        @Import(module = "fastly_http_downstream", name = "downstream_original_header_names")
        private static native int downstreamOriginalHeaderNamesImport(
                int req, Address buf, int len, int cursor, Address endingCursorOut, Address nwrittenOut);

        @Override
        public int downstreamOriginalHeaderNames(
                int req, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
            long[] endingCursorOutSlot = new long[2];
            int status = downstreamOriginalHeaderNamesImport(
                    req, Address.ofData(buf), len, cursor, aligned(endingCursorOutSlot), Address.ofData(nwrittenOut));
            endingCursorOut[0] = aligned(endingCursorOutSlot).getLong();
            return status;
        }

        // downstream_original_header_count(req) -> (status, header_count u32)
        @Import(module = "fastly_http_downstream", name = "downstream_original_header_count")
        private static native int downstreamOriginalHeaderCountImport(int req, Address countOut);

        @Override
        public int downstreamOriginalHeaderCount(int req, int[] countOut) {
            return downstreamOriginalHeaderCountImport(req, Address.ofData(countOut));
        }

        // downstream_client_ip_addr(req, addr_octets_out: ptr char8 [16]) -> (status, num_bytes)
        @Import(module = "fastly_http_downstream", name = "downstream_client_ip_addr")
        private static native int downstreamClientIpAddrImport(int req, Address octets, Address nwrittenOut);

        @Override
        public int downstreamClientIpAddr(int req, byte[] octets16, int[] nwrittenOut) {
            return downstreamClientIpAddrImport(req, Address.ofData(octets16), Address.ofData(nwrittenOut));
        }

        // downstream_server_ip_addr(req, addr_octets_out: ptr char8 [16]) -> (status, num_bytes)
        @Import(module = "fastly_http_downstream", name = "downstream_server_ip_addr")
        private static native int downstreamServerIpAddrImport(int req, Address octets16, Address nwrittenOut);

        @Override
        public int downstreamServerIpAddr(int req, byte[] octets16, int[] nwrittenOut) {
            return downstreamServerIpAddrImport(req, Address.ofData(octets16), Address.ofData(nwrittenOut));
        }

        // downstream_client_h2_fingerprint(req, h2fp_out: ptr char8, h2fp_max_len: usize, nwritten_out: ptr usize) ->
        // status
        @Import(module = "fastly_http_downstream", name = "downstream_client_h2_fingerprint")
        private static native int downstreamClientH2FingerprintImport(
                int req, Address buf, int len, Address nwrittenOut);

        @Override
        public int downstreamClientH2Fingerprint(int req, byte[] buf, int len, int[] nwrittenOut) {
            return downstreamClientH2FingerprintImport(req, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // downstream_client_request_id(req, reqid_out: ptr char8, reqid_max_len: usize, nwritten_out: ptr usize) ->
        // status
        @Import(module = "fastly_http_downstream", name = "downstream_client_request_id")
        private static native int downstreamClientRequestIdImport(int req, Address buf, int len, Address nwrittenOut);

        @Override
        public int downstreamClientRequestId(int req, byte[] buf, int len, int[] nwrittenOut) {
            return downstreamClientRequestIdImport(req, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // downstream_client_oh_fingerprint(req, ohfp_out: ptr char8, ohfp_max_len: usize, nwritten_out: ptr usize) ->
        // status
        @Import(module = "fastly_http_downstream", name = "downstream_client_oh_fingerprint")
        private static native int downstreamClientOhFingerprintImport(
                int req, Address buf, int len, Address nwrittenOut);

        @Override
        public int downstreamClientOhFingerprint(int req, byte[] buf, int len, int[] nwrittenOut) {
            return downstreamClientOhFingerprintImport(req, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // downstream_client_ddos_detected(req) -> (status, ddos_detected u32)
        @Import(module = "fastly_http_downstream", name = "downstream_client_ddos_detected")
        private static native int downstreamClientDdosDetectedImport(int req, Address out);

        @Override
        public int downstreamClientDdosDetected(int req, int[] out) {
            return downstreamClientDdosDetectedImport(req, Address.ofData(out));
        }

        // downstream_tls_cipher_openssl_name(req, cipher_out: ptr char8, cipher_max_len: usize, nwritten_out: ptr
        // usize) ->
        // status
        @Import(module = "fastly_http_downstream", name = "downstream_tls_cipher_openssl_name")
        private static native int downstreamTlsCipherOpensslNameImport(
                int req, Address buf, int len, Address nwrittenOut);

        @Override
        public int downstreamTlsCipherOpensslName(int req, byte[] buf, int len, int[] nwrittenOut) {
            return downstreamTlsCipherOpensslNameImport(req, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // downstream_tls_protocol(req, protocol_out: ptr char8, protocol_max_len: usize, nwritten_out: ptr usize) ->
        // status
        @Import(module = "fastly_http_downstream", name = "downstream_tls_protocol")
        private static native int downstreamTlsProtocolImport(int req, Address buf, int len, Address nwrittenOut);

        @Override
        public int downstreamTlsProtocol(int req, byte[] buf, int len, int[] nwrittenOut) {
            return downstreamTlsProtocolImport(req, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // downstream_tls_client_hello(req, chello_out: ptr char8, chello_max_len: usize, nwritten_out: ptr usize) ->
        // status
        @Import(module = "fastly_http_downstream", name = "downstream_tls_client_hello")
        private static native int downstreamTlsClientHelloImport(int req, Address buf, int len, Address nwrittenOut);

        @Override
        public int downstreamTlsClientHello(int req, byte[] buf, int len, int[] nwrittenOut) {
            return downstreamTlsClientHelloImport(req, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // downstream_tls_raw_client_certificate(req, raw_client_cert_out: ptr char8, raw_client_cert_max_len: usize,
        // nwritten_out: ptr usize) -> status
        @Import(module = "fastly_http_downstream", name = "downstream_tls_raw_client_certificate")
        private static native int downstreamTlsRawClientCertificateImport(
                int req, Address buf, int len, Address nwrittenOut);

        @Override
        public int downstreamTlsRawClientCertificate(int req, byte[] buf, int len, int[] nwrittenOut) {
            return downstreamTlsRawClientCertificateImport(req, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // downstream_tls_client_cert_verify_result(req) -> (status, client_cert_verify_result)
        @Import(module = "fastly_http_downstream", name = "downstream_tls_client_cert_verify_result")
        private static native int downstreamTlsClientCertVerifyResultImport(int req, Address out);

        @Override
        public int downstreamTlsClientCertVerifyResult(int req, int[] out) {
            return downstreamTlsClientCertVerifyResultImport(req, Address.ofData(out));
        }

        // downstream_tls_client_servername(req, tls_sni_out: ptr char8, tls_sni_max_len: usize, nwritten_out: ptr
        // usize) ->
        // status
        @Import(module = "fastly_http_downstream", name = "downstream_tls_client_servername")
        private static native int downstreamTlsClientServernameImport(
                int req, Address buf, int len, Address nwrittenOut);

        @Override
        public int downstreamTlsClientServername(int req, byte[] buf, int len, int[] nwrittenOut) {
            return downstreamTlsClientServernameImport(req, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // downstream_tls_ja3_md5(req, cja3_md5_out: ptr char8 [16]) -> (status, num_bytes)
        @Import(module = "fastly_http_downstream", name = "downstream_tls_ja3_md5")
        private static native int downstreamTlsJa3Md5Import(int req, Address out16, Address nwrittenOut);

        @Override
        public int downstreamTlsJa3Md5(int req, byte[] out16, int[] nwrittenOut) {
            return downstreamTlsJa3Md5Import(req, Address.ofData(out16), Address.ofData(nwrittenOut));
        }

        // downstream_tls_ja4(req, ja4_out: ptr char8, ja4_max_len: usize, nwritten_out: ptr usize) -> status
        @Import(module = "fastly_http_downstream", name = "downstream_tls_ja4")
        private static native int downstreamTlsJa4Import(int req, Address buf, int len, Address nwrittenOut);

        @Override
        public int downstreamTlsJa4(int req, byte[] buf, int len, int[] nwrittenOut) {
            return downstreamTlsJa4Import(req, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // downstream_compliance_region(req, region_out: ptr char8, region_max_len: usize, nwritten_out: ptr usize) ->
        // status
        @Import(module = "fastly_http_downstream", name = "downstream_compliance_region")
        private static native int downstreamComplianceRegionImport(int req, Address buf, int len, Address nwrittenOut);

        @Override
        public int downstreamComplianceRegion(int req, byte[] buf, int len, int[] nwrittenOut) {
            return downstreamComplianceRegionImport(req, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // fastly_key_is_valid(req) -> (status, is_valid u32)
        @Import(module = "fastly_http_downstream", name = "fastly_key_is_valid")
        private static native int fastlyKeyIsValidImport(int req, Address out);

        @Override
        public int fastlyKeyIsValid(int req, int[] out) {
            return fastlyKeyIsValidImport(req, Address.ofData(out));
        }

        // downstream_bot_analyzed(req) -> (status, bot_analyzed u32)
        @Import(module = "fastly_http_downstream", name = "downstream_bot_analyzed")
        private static native int downstreamBotAnalyzedImport(int req, Address out);

        @Override
        public int downstreamBotAnalyzed(int req, int[] out) {
            return downstreamBotAnalyzedImport(req, Address.ofData(out));
        }

        // downstream_bot_detected(req) -> (status, bot_detected u32)
        @Import(module = "fastly_http_downstream", name = "downstream_bot_detected")
        private static native int downstreamBotDetectedImport(int req, Address out);

        @Override
        public int downstreamBotDetected(int req, int[] out) {
            return downstreamBotDetectedImport(req, Address.ofData(out));
        }

        // downstream_bot_name(req, bot_name_out: ptr char8, bot_name_max_len: usize, nwritten_out: ptr usize) -> status
        @Import(module = "fastly_http_downstream", name = "downstream_bot_name")
        private static native int downstreamBotNameImport(int req, Address buf, int len, Address nwrittenOut);

        @Override
        public int downstreamBotName(int req, byte[] buf, int len, int[] nwrittenOut) {
            return downstreamBotNameImport(req, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // downstream_bot_category(req, bot_category_out: ptr char8, bot_category_max_len: usize, nwritten_out: ptr
        // usize)
        // -> status
        @Import(module = "fastly_http_downstream", name = "downstream_bot_category")
        private static native int downstreamBotCategoryImport(int req, Address buf, int len, Address nwrittenOut);

        @Override
        public int downstreamBotCategory(int req, byte[] buf, int len, int[] nwrittenOut) {
            return downstreamBotCategoryImport(req, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // downstream_bot_category_kind(req) -> (status, bot_category_kind u32)
        @Import(module = "fastly_http_downstream", name = "downstream_bot_category_kind")
        private static native int downstreamBotCategoryKindImport(int req, Address out);

        @Override
        public int downstreamBotCategoryKind(int req, int[] out) {
            return downstreamBotCategoryKindImport(req, Address.ofData(out));
        }

        // downstream_bot_verified(req) -> (status, bot_verified u32)
        @Import(module = "fastly_http_downstream", name = "downstream_bot_verified")
        private static native int downstreamBotVerifiedImport(int req, Address out);

        @Override
        public int downstreamBotVerified(int req, int[] out) {
            return downstreamBotVerifiedImport(req, Address.ofData(out));
        }

        // downstream_resvpnproxy_is_anonymous(req) -> (status, resvpnproxy_is_anonymous u32)
        @Import(module = "fastly_http_downstream", name = "downstream_resvpnproxy_is_anonymous")
        private static native int downstreamResvpnproxyIsAnonymousImport(int req, Address out);

        @Override
        public int downstreamResvpnproxyIsAnonymous(int req, int[] out) {
            return downstreamResvpnproxyIsAnonymousImport(req, Address.ofData(out));
        }

        // downstream_resvpnproxy_is_anonymous_vpn(req) -> (status, resvpnproxy_is_anonymous_vpn u32)
        @Import(module = "fastly_http_downstream", name = "downstream_resvpnproxy_is_anonymous_vpn")
        private static native int downstreamResvpnproxyIsAnonymousVpnImport(int req, Address out);

        @Override
        public int downstreamResvpnproxyIsAnonymousVpn(int req, int[] out) {
            return downstreamResvpnproxyIsAnonymousVpnImport(req, Address.ofData(out));
        }

        // downstream_resvpnproxy_is_hosting_provider(req) -> (status, resvpnproxy_is_hosting_provider u32)
        @Import(module = "fastly_http_downstream", name = "downstream_resvpnproxy_is_hosting_provider")
        private static native int downstreamResvpnproxyIsHostingProviderImport(int req, Address out);

        @Override
        public int downstreamResvpnproxyIsHostingProvider(int req, int[] out) {
            return downstreamResvpnproxyIsHostingProviderImport(req, Address.ofData(out));
        }

        // downstream_resvpnproxy_is_proxy_over_vpn(req) -> (status, resvpnproxy_is_proxy_over_vpn u32)
        @Import(module = "fastly_http_downstream", name = "downstream_resvpnproxy_is_proxy_over_vpn")
        private static native int downstreamResvpnproxyIsProxyOverVpnImport(int req, Address out);

        @Override
        public int downstreamResvpnproxyIsProxyOverVpn(int req, int[] out) {
            return downstreamResvpnproxyIsProxyOverVpnImport(req, Address.ofData(out));
        }

        // downstream_resvpnproxy_is_public_proxy(req) -> (status, resvpnproxy_is_public_proxy u32)
        @Import(module = "fastly_http_downstream", name = "downstream_resvpnproxy_is_public_proxy")
        private static native int downstreamResvpnproxyIsPublicProxyImport(int req, Address out);

        @Override
        public int downstreamResvpnproxyIsPublicProxy(int req, int[] out) {
            return downstreamResvpnproxyIsPublicProxyImport(req, Address.ofData(out));
        }

        // downstream_resvpnproxy_is_relay_proxy(req) -> (status, resvpnproxy_is_relay_proxy u32)
        @Import(module = "fastly_http_downstream", name = "downstream_resvpnproxy_is_relay_proxy")
        private static native int downstreamResvpnproxyIsRelayProxyImport(int req, Address out);

        @Override
        public int downstreamResvpnproxyIsRelayProxy(int req, int[] out) {
            return downstreamResvpnproxyIsRelayProxyImport(req, Address.ofData(out));
        }

        // downstream_resvpnproxy_is_residential_proxy(req) -> (status, resvpnproxy_is_residential_proxy u32)
        @Import(module = "fastly_http_downstream", name = "downstream_resvpnproxy_is_residential_proxy")
        private static native int downstreamResvpnproxyIsResidentialProxyImport(int req, Address out);

        @Override
        public int downstreamResvpnproxyIsResidentialProxy(int req, int[] out) {
            return downstreamResvpnproxyIsResidentialProxyImport(req, Address.ofData(out));
        }

        // downstream_resvpnproxy_is_smart_dns_proxy(req) -> (status, resvpnproxy_is_smart_dns_proxy u32)
        @Import(module = "fastly_http_downstream", name = "downstream_resvpnproxy_is_smart_dns_proxy")
        private static native int downstreamResvpnproxyIsSmartDnsProxyImport(int req, Address out);

        @Override
        public int downstreamResvpnproxyIsSmartDnsProxy(int req, int[] out) {
            return downstreamResvpnproxyIsSmartDnsProxyImport(req, Address.ofData(out));
        }

        // downstream_resvpnproxy_is_tor_exit_node(req) -> (status, resvpnproxy_is_tor_exit_node u32)
        @Import(module = "fastly_http_downstream", name = "downstream_resvpnproxy_is_tor_exit_node")
        private static native int downstreamResvpnproxyIsTorExitNodeImport(int req, Address out);

        @Override
        public int downstreamResvpnproxyIsTorExitNode(int req, int[] out) {
            return downstreamResvpnproxyIsTorExitNodeImport(req, Address.ofData(out));
        }

        // downstream_resvpnproxy_is_vpn_datacenter(req) -> (status, resvpnproxy_is_vpn_datacenter u32)
        @Import(module = "fastly_http_downstream", name = "downstream_resvpnproxy_is_vpn_datacenter")
        private static native int downstreamResvpnproxyIsVpnDatacenterImport(int req, Address out);

        @Override
        public int downstreamResvpnproxyIsVpnDatacenter(int req, int[] out) {
            return downstreamResvpnproxyIsVpnDatacenterImport(req, Address.ofData(out));
        }

        // downstream_resvpnproxy_vpn_service_name(req, vpn_service_name_out: ptr char8, vpn_service_name_max_len:
        // usize,
        // nwritten_out: ptr usize) -> status
        @Import(module = "fastly_http_downstream", name = "downstream_resvpnproxy_vpn_service_name")
        private static native int downstreamResvpnproxyVpnServiceNameImport(
                int req, Address buf, int len, Address nwrittenOut);

        @Override
        public int downstreamResvpnproxyVpnServiceName(int req, byte[] buf, int len, int[] nwrittenOut) {
            return downstreamResvpnproxyVpnServiceNameImport(
                    req, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }
    }
}
