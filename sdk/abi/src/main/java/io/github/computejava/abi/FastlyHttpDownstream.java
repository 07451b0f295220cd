package io.github.computejava.abi;

/** The {@code fastly_http_downstream} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyHttpDownstream {
    /** {@code next_request_options_mask.timeout}. */
    int NEXT_REQUEST_OPTIONS_TIMEOUT = 1 << 1;

    /** {@code client_cert_verify_result.ok}: the client's certificate verified. */
    int CLIENT_CERT_VERIFY_OK = 0;

    /** {@code client_cert_verify_result.bad_certificate}. */
    int CLIENT_CERT_VERIFY_BAD_CERTIFICATE = 1;

    /** {@code client_cert_verify_result.certificate_revoked}. */
    int CLIENT_CERT_VERIFY_CERTIFICATE_REVOKED = 2;

    /** {@code client_cert_verify_result.certificate_expired}. */
    int CLIENT_CERT_VERIFY_CERTIFICATE_EXPIRED = 3;

    /** {@code client_cert_verify_result.unknown_ca}. */
    int CLIENT_CERT_VERIFY_UNKNOWN_CA = 4;

    /** {@code client_cert_verify_result.certificate_missing}. */
    int CLIENT_CERT_VERIFY_CERTIFICATE_MISSING = 5;

    /** {@code client_cert_verify_result.certificate_unknown}. */
    int CLIENT_CERT_VERIFY_CERTIFICATE_UNKNOWN = 6;

    // next_request(options_mask: next_request_options_mask, options: ptr next_request_options)
    //   -> (status, request_promise_handle); the record's one field, timeout_ms (u64), is passed by value
    int nextRequest(int mask, long timeoutMs, int[] promiseOut);

    // next_request_wait(handle: request_promise_handle) -> (status, request_handle, body_handle)
    int nextRequestWait(int promise, int[] reqOut, int[] bodyOut);

    // next_request_abandon(handle: request_promise_handle) -> status
    int nextRequestAbandon(int promise);

    // downstream_original_header_names(req, buf: ptr char8, buf_len: usize, cursor: multi_value_cursor,
    //   ending_cursor_out: ptr s64, nwritten_out: ptr usize) -> status
    int downstreamOriginalHeaderNames(
            int req, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut);

    // downstream_original_header_count(req) -> (status, header_count u32)
    int downstreamOriginalHeaderCount(int req, int[] countOut);

    // downstream_client_ip_addr(req, addr_octets_out: ptr char8 [16]) -> (status, num_bytes)
    int downstreamClientIpAddr(int req, byte[] octets16, int[] nwrittenOut);

    // downstream_server_ip_addr(req, addr_octets_out: ptr char8 [16]) -> (status, num_bytes)
    int downstreamServerIpAddr(int req, byte[] octets16, int[] nwrittenOut);

    // downstream_client_h2_fingerprint(req, h2fp_out: ptr char8, h2fp_max_len: usize, nwritten_out: ptr usize) ->
    // status
    int downstreamClientH2Fingerprint(int req, byte[] buf, int len, int[] nwrittenOut);

    // downstream_client_request_id(req, reqid_out: ptr char8, reqid_max_len: usize, nwritten_out: ptr usize) -> status
    int downstreamClientRequestId(int req, byte[] buf, int len, int[] nwrittenOut);

    // downstream_client_oh_fingerprint(req, ohfp_out: ptr char8, ohfp_max_len: usize, nwritten_out: ptr usize) ->
    // status
    int downstreamClientOhFingerprint(int req, byte[] buf, int len, int[] nwrittenOut);

    // downstream_client_ddos_detected(req) -> (status, ddos_detected u32)
    int downstreamClientDdosDetected(int req, int[] out);

    // downstream_tls_cipher_openssl_name(req, cipher_out: ptr char8, cipher_max_len: usize, nwritten_out: ptr usize) ->
    // status
    int downstreamTlsCipherOpensslName(int req, byte[] buf, int len, int[] nwrittenOut);

    // downstream_tls_protocol(req, protocol_out: ptr char8, protocol_max_len: usize, nwritten_out: ptr usize) -> status
    int downstreamTlsProtocol(int req, byte[] buf, int len, int[] nwrittenOut);

    // downstream_tls_client_hello(req, chello_out: ptr char8, chello_max_len: usize, nwritten_out: ptr usize) -> status
    int downstreamTlsClientHello(int req, byte[] buf, int len, int[] nwrittenOut);

    // downstream_tls_raw_client_certificate(req, raw_client_cert_out: ptr char8, raw_client_cert_max_len: usize,
    // nwritten_out: ptr usize) -> status
    int downstreamTlsRawClientCertificate(int req, byte[] buf, int len, int[] nwrittenOut);

    // downstream_tls_client_cert_verify_result(req) -> (status, client_cert_verify_result)
    int downstreamTlsClientCertVerifyResult(int req, int[] out);

    // downstream_tls_client_servername(req, tls_sni_out: ptr char8, tls_sni_max_len: usize, nwritten_out: ptr usize) ->
    // status
    int downstreamTlsClientServername(int req, byte[] buf, int len, int[] nwrittenOut);

    // downstream_tls_ja3_md5(req, cja3_md5_out: ptr char8 [16]) -> (status, num_bytes)
    int downstreamTlsJa3Md5(int req, byte[] out16, int[] nwrittenOut);

    // downstream_tls_ja4(req, ja4_out: ptr char8, ja4_max_len: usize, nwritten_out: ptr usize) -> status
    int downstreamTlsJa4(int req, byte[] buf, int len, int[] nwrittenOut);

    // downstream_compliance_region(req, region_out: ptr char8, region_max_len: usize, nwritten_out: ptr usize) ->
    // status
    int downstreamComplianceRegion(int req, byte[] buf, int len, int[] nwrittenOut);

    // fastly_key_is_valid(req) -> (status, is_valid u32)
    int fastlyKeyIsValid(int req, int[] out);

    // downstream_bot_analyzed(req) -> (status, bot_analyzed u32)
    int downstreamBotAnalyzed(int req, int[] out);

    // downstream_bot_detected(req) -> (status, bot_detected u32)
    int downstreamBotDetected(int req, int[] out);

    // downstream_bot_name(req, bot_name_out: ptr char8, bot_name_max_len: usize, nwritten_out: ptr usize) -> status
    int downstreamBotName(int req, byte[] buf, int len, int[] nwrittenOut);

    // downstream_bot_category(req, bot_category_out: ptr char8, bot_category_max_len: usize, nwritten_out: ptr usize)
    // -> status
    int downstreamBotCategory(int req, byte[] buf, int len, int[] nwrittenOut);

    // downstream_bot_category_kind(req) -> (status, bot_category_kind u32)
    int downstreamBotCategoryKind(int req, int[] out);

    // downstream_bot_verified(req) -> (status, bot_verified u32)
    int downstreamBotVerified(int req, int[] out);

    // downstream_resvpnproxy_is_anonymous(req) -> (status, resvpnproxy_is_anonymous u32)
    int downstreamResvpnproxyIsAnonymous(int req, int[] out);

    // downstream_resvpnproxy_is_anonymous_vpn(req) -> (status, resvpnproxy_is_anonymous_vpn u32)
    int downstreamResvpnproxyIsAnonymousVpn(int req, int[] out);

    // downstream_resvpnproxy_is_hosting_provider(req) -> (status, resvpnproxy_is_hosting_provider u32)
    int downstreamResvpnproxyIsHostingProvider(int req, int[] out);

    // downstream_resvpnproxy_is_proxy_over_vpn(req) -> (status, resvpnproxy_is_proxy_over_vpn u32)
    int downstreamResvpnproxyIsProxyOverVpn(int req, int[] out);

    // downstream_resvpnproxy_is_public_proxy(req) -> (status, resvpnproxy_is_public_proxy u32)
    int downstreamResvpnproxyIsPublicProxy(int req, int[] out);

    // downstream_resvpnproxy_is_relay_proxy(req) -> (status, resvpnproxy_is_relay_proxy u32)
    int downstreamResvpnproxyIsRelayProxy(int req, int[] out);

    // downstream_resvpnproxy_is_residential_proxy(req) -> (status, resvpnproxy_is_residential_proxy u32)
    int downstreamResvpnproxyIsResidentialProxy(int req, int[] out);

    // downstream_resvpnproxy_is_smart_dns_proxy(req) -> (status, resvpnproxy_is_smart_dns_proxy u32)
    int downstreamResvpnproxyIsSmartDnsProxy(int req, int[] out);

    // downstream_resvpnproxy_is_tor_exit_node(req) -> (status, resvpnproxy_is_tor_exit_node u32)
    int downstreamResvpnproxyIsTorExitNode(int req, int[] out);

    // downstream_resvpnproxy_is_vpn_datacenter(req) -> (status, resvpnproxy_is_vpn_datacenter u32)
    int downstreamResvpnproxyIsVpnDatacenter(int req, int[] out);

    // downstream_resvpnproxy_vpn_service_name(req, vpn_service_name_out: ptr char8, vpn_service_name_max_len: usize,
    // nwritten_out: ptr usize) -> status
    int downstreamResvpnproxyVpnServiceName(int req, byte[] buf, int len, int[] nwrittenOut);
}
