package io.github.computejava.abi;

/**
 * The {@code fastly_http_req} hostcalls, with the conventions of {@link Hostcalls}. The {@code downstream_*},
 * {@code original_header_*} and {@code fastly_key_is_valid} functions here are the deprecated forms of those in
 * {@link FastlyHttpDownstream}: they take no handle and answer for the current client request.
 */
public interface FastlyHttpReq {
    /** {@code cache_override_tag.pass}. */
    int CACHE_OVERRIDE_PASS = 1;
    /** {@code cache_override_tag.ttl}. */
    int CACHE_OVERRIDE_TTL = 1 << 1;
    /** {@code cache_override_tag.stale_while_revalidate}. */
    int CACHE_OVERRIDE_STALE_WHILE_REVALIDATE = 1 << 2;
    /** {@code cache_override_tag.pci}. */
    int CACHE_OVERRIDE_PCI = 1 << 3;

    /** {@code content_encodings.gzip}. */
    int CONTENT_ENCODING_GZIP = 1;

    /** {@code pending_response_kind.any}: apply a queued edit to any response. */
    int PENDING_ANY = 0;
    /** {@code pending_response_kind.response}: to a backend's response only. */
    int PENDING_RESPONSE = 1;
    /** {@code pending_response_kind.error}: to the synthetic error response only. */
    int PENDING_ERROR = 2;

    /**
     * The size of a {@code send_error_detail} record: tag u32 @0, mask u32 @4, dns_error_rcode u16 @8,
     * dns_error_info_code u16 @10, tls_alert_id u8 @12, h2_error_frame u8 @13, h2_error_code u32 @16.
     */
    int SEND_ERROR_DETAIL_SIZE = 20;

    int SEND_ERROR_DETAIL_OFF_TAG = 0;
    int SEND_ERROR_DETAIL_OFF_MASK = 4;
    int SEND_ERROR_DETAIL_OFF_DNS_ERROR_RCODE = 8;
    int SEND_ERROR_DETAIL_OFF_DNS_ERROR_INFO_CODE = 10;
    int SEND_ERROR_DETAIL_OFF_TLS_ALERT_ID = 12;
    int SEND_ERROR_DETAIL_OFF_H2_ERROR_FRAME = 13;
    int SEND_ERROR_DETAIL_OFF_H2_ERROR_CODE = 16;

    /** {@code send_error_detail_mask.reserved}. */
    int SEND_ERROR_MASK_RESERVED = 1;
    /** {@code send_error_detail_mask.dns_error_rcode}. */
    int SEND_ERROR_MASK_DNS_ERROR_RCODE = 1 << 1;
    /** {@code send_error_detail_mask.dns_error_info_code}. */
    int SEND_ERROR_MASK_DNS_ERROR_INFO_CODE = 1 << 2;
    /** {@code send_error_detail_mask.tls_alert_id}. */
    int SEND_ERROR_MASK_TLS_ALERT_ID = 1 << 3;
    /** {@code send_error_detail_mask.h2_error}. */
    int SEND_ERROR_MASK_H2_ERROR = 1 << 4;

    /** {@code send_error_detail_tag}: why a send failed, written at {@link #SEND_ERROR_DETAIL_OFF_TAG}. */
    int SEND_ERROR_TAG_UNINITIALIZED = 0;

    int SEND_ERROR_TAG_OK = 1;
    int SEND_ERROR_TAG_DNS_TIMEOUT = 2;
    int SEND_ERROR_TAG_DNS_ERROR = 3;
    int SEND_ERROR_TAG_DESTINATION_NOT_FOUND = 4;
    int SEND_ERROR_TAG_DESTINATION_UNAVAILABLE = 5;
    int SEND_ERROR_TAG_DESTINATION_IP_UNROUTABLE = 6;
    int SEND_ERROR_TAG_CONNECTION_REFUSED = 7;
    int SEND_ERROR_TAG_CONNECTION_TERMINATED = 8;
    int SEND_ERROR_TAG_CONNECTION_TIMEOUT = 9;
    int SEND_ERROR_TAG_CONNECTION_LIMIT_REACHED = 10;
    int SEND_ERROR_TAG_TLS_CERTIFICATE_ERROR = 11;
    int SEND_ERROR_TAG_TLS_CONFIGURATION_ERROR = 12;
    int SEND_ERROR_TAG_HTTP_INCOMPLETE_RESPONSE = 13;
    int SEND_ERROR_TAG_HTTP_RESPONSE_HEADER_SECTION_TOO_LARGE = 14;
    int SEND_ERROR_TAG_HTTP_RESPONSE_BODY_TOO_LARGE = 15;
    int SEND_ERROR_TAG_HTTP_RESPONSE_TIMEOUT = 16;
    int SEND_ERROR_TAG_HTTP_RESPONSE_STATUS_INVALID = 17;
    int SEND_ERROR_TAG_HTTP_UPGRADE_FAILED = 18;
    int SEND_ERROR_TAG_HTTP_PROTOCOL_ERROR = 19;
    int SEND_ERROR_TAG_HTTP_REQUEST_CACHE_KEY_INVALID = 20;
    int SEND_ERROR_TAG_HTTP_REQUEST_URI_INVALID = 21;
    int SEND_ERROR_TAG_INTERNAL_ERROR = 22;
    int SEND_ERROR_TAG_TLS_ALERT_RECEIVED = 23;
    int SEND_ERROR_TAG_TLS_PROTOCOL_ERROR = 24;
    int SEND_ERROR_TAG_H2_ERROR = 25;

    // body_downstream_get() -> (status, request_handle, body_handle)
    int bodyDownstreamGet(int[] reqOut, int[] bodyOut);

    // cache_override_set(h: request_handle, tag: cache_override_tag, ttl: u32, stale_while_revalidate: u32) -> status
    int cacheOverrideSet(int req, int tag, int ttl, int staleWhileRevalidate);

    // cache_override_v2_set(h, tag: cache_override_tag, ttl: u32, stale_while_revalidate: u32, sk: list u8) -> status
    int cacheOverrideV2Set(int req, int tag, int ttl, int staleWhileRevalidate, byte[] surrogateKey);

    // downstream_client_ip_addr(addr_octets_out: ptr char8 [16]) -> (status, num_bytes)
    int downstreamClientIpAddr(byte[] octets16, int[] nwrittenOut);

    // downstream_server_ip_addr(addr_octets_out: ptr char8 [16]) -> (status, num_bytes)
    int downstreamServerIpAddr(byte[] octets16, int[] nwrittenOut);

    // downstream_client_h2_fingerprint(h2fp_out: ptr char8, h2fp_max_len: usize, nwritten_out: ptr usize) -> status
    int downstreamClientH2Fingerprint(byte[] buf, int len, int[] nwrittenOut);

    // downstream_client_request_id(reqid_out: ptr char8, reqid_max_len: usize, nwritten_out: ptr usize) -> status
    int downstreamClientRequestId(byte[] buf, int len, int[] nwrittenOut);

    // downstream_client_oh_fingerprint(ohfp_out: ptr char8, ohfp_max_len: usize, nwritten_out: ptr usize) -> status
    int downstreamClientOhFingerprint(byte[] buf, int len, int[] nwrittenOut);

    // downstream_client_ddos_detected() -> (status, ddos_detected u32)
    int downstreamClientDdosDetected(int[] out);

    // downstream_tls_cipher_openssl_name(cipher_out: ptr char8, cipher_max_len: usize, nwritten_out) -> status
    int downstreamTlsCipherOpensslName(byte[] buf, int len, int[] nwrittenOut);

    // downstream_tls_protocol(protocol_out: ptr char8, protocol_max_len: usize, nwritten_out) -> status
    int downstreamTlsProtocol(byte[] buf, int len, int[] nwrittenOut);

    // downstream_tls_client_hello(chello_out: ptr char8, chello_max_len: usize, nwritten_out) -> status
    int downstreamTlsClientHello(byte[] buf, int len, int[] nwrittenOut);

    // downstream_tls_raw_client_certificate(raw_client_cert_out, raw_client_cert_max_len, nwritten_out) -> status
    int downstreamTlsRawClientCertificate(byte[] buf, int len, int[] nwrittenOut);

    // downstream_tls_client_cert_verify_result() -> (status, client_cert_verify_result)
    int downstreamTlsClientCertVerifyResult(int[] out);

    // downstream_tls_ja3_md5(cja3_md5_out: ptr char8 [16]) -> (status, num_bytes)
    int downstreamTlsJa3Md5(byte[] out16, int[] nwrittenOut);

    // downstream_tls_ja4(ja4_out: ptr char8, ja4_max_len: usize, nwritten_out: ptr usize) -> status
    int downstreamTlsJa4(byte[] buf, int len, int[] nwrittenOut);

    // downstream_compliance_region(region_out: ptr char8, region_max_len: usize, nwritten_out: ptr usize) -> status
    int downstreamComplianceRegion(byte[] buf, int len, int[] nwrittenOut);

    // new() -> (status, request_handle)
    int new_(int[] reqOut);

    // header_names_get(h, buf: ptr char8, buf_len: usize, cursor: multi_value_cursor, ending_cursor_out: ptr s64,
    //   nwritten_out: ptr usize) -> status
    int headerNamesGet(int req, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut);

    // original_header_names_get(buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
    int originalHeaderNamesGet(byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut);

    // original_header_count() -> (status, header_count u32)
    int originalHeaderCount(int[] countOut);

    // header_value_get(h, name: list u8, value: ptr char8, value_max_len: usize, nwritten_out: ptr usize) -> status
    int headerValueGet(int req, byte[] name, byte[] buf, int len, int[] nwrittenOut);

    // header_values_get(h, name: list u8, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
    int headerValuesGet(
            int req, byte[] name, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut);

    // header_values_set(h, name: list u8, values: list char8 (each value NUL-terminated)) -> status
    int headerValuesSet(int req, byte[] name, byte[] values, int valuesLen);

    // header_insert(h, name: list u8, value: list u8) -> status
    int headerInsert(int req, byte[] name, byte[] value);

    // header_append(h, name: list u8, value: list u8) -> status
    int headerAppend(int req, byte[] name, byte[] value);

    // header_remove(h, name: list u8) -> status
    int headerRemove(int req, byte[] name);

    // method_get(h, buf: ptr char8, buf_len: usize, nwritten_out: ptr usize) -> status
    int methodGet(int req, byte[] buf, int len, int[] nwrittenOut);

    // method_set(h, method: string) -> status
    int methodSet(int req, byte[] method);

    // uri_get(h, buf: ptr char8, buf_len: usize, nwritten_out: ptr usize) -> status
    int uriGet(int req, byte[] buf, int len, int[] nwrittenOut);

    // uri_set(h, uri: string) -> status
    int uriSet(int req, byte[] uri);

    // version_get(h) -> (status, http_version)
    int versionGet(int req, int[] versionOut);

    // version_set(h, version: http_version) -> status
    int versionSet(int req, int version);

    // send(h, b: body_handle, backend: string) -> (status, response_handle, body_handle)
    int send(int req, int body, byte[] backend, int[] respOut, int[] respBodyOut);

    // send_v2(h, b: body_handle, backend: string, error_detail: ptr send_error_detail)
    //   -> (status, response_handle, body_handle)
    int sendV2(int req, int body, byte[] backend, byte[] errorDetail, int[] respOut, int[] respBodyOut);

    // send_v3(h, b: body_handle, backend: string, error_detail: ptr send_error_detail)
    //   -> (status, response_handle, body_handle); no caching of any form
    int sendV3(int req, int body, byte[] backend, byte[] errorDetail, int[] respOut, int[] respBodyOut);

    // send_async(h, b: body_handle, backend: string) -> (status, pending_request_handle)
    int sendAsync(int req, int body, byte[] backend, int[] pendingOut);

    // send_async_v2(h, b: body_handle, backend: string, streaming: u32) -> (status, pending_request_handle)
    int sendAsyncV2(int req, int body, byte[] backend, int streaming, int[] pendingOut);

    // send_async_streaming(h, b: body_handle, backend: string) -> (status, pending_request_handle)
    int sendAsyncStreaming(int req, int body, byte[] backend, int[] pendingOut);

    // pending_req_header_insert(h: pending_request_handle, name: list u8, value: list u8,
    //   target: pending_response_kind) -> status
    int pendingReqHeaderInsert(int pending, byte[] name, byte[] value, int target);

    // pending_req_header_append(h: pending_request_handle, name: list u8, value: list u8,
    //   target: pending_response_kind) -> status
    int pendingReqHeaderAppend(int pending, byte[] name, byte[] value, int target);

    // pending_req_header_remove(h: pending_request_handle, name: list u8, target: pending_response_kind) -> status
    int pendingReqHeaderRemove(int pending, byte[] name, int target);

    // pending_req_poll(h: pending_request_handle) -> (status, is_done, response_handle, body_handle)
    int pendingReqPoll(int pending, int[] isDoneOut, int[] respOut, int[] respBodyOut);

    // pending_req_poll_v2(h: pending_request_handle, error_detail: ptr send_error_detail)
    //   -> (status, is_done, response_handle, body_handle)
    int pendingReqPollV2(int pending, byte[] errorDetail, int[] isDoneOut, int[] respOut, int[] respBodyOut);

    // pending_req_wait(h: pending_request_handle) -> (status, response_handle, body_handle)
    int pendingReqWait(int pending, int[] respOut, int[] respBodyOut);

    // pending_req_wait_v2(h: pending_request_handle, error_detail: ptr send_error_detail)
    //   -> (status, response_handle, body_handle)
    int pendingReqWaitV2(int pending, byte[] errorDetail, int[] respOut, int[] respBodyOut);

    // pending_req_select(hs: list pending_request_handle) -> (status, done_idx, response_handle, body_handle)
    int pendingReqSelect(int[] pendings, int[] doneIdxOut, int[] respOut, int[] respBodyOut);

    // pending_req_select_v2(hs: list pending_request_handle, error_detail: ptr send_error_detail)
    //   -> (status, done_idx, response_handle, body_handle)
    int pendingReqSelectV2(int[] pendings, byte[] errorDetail, int[] doneIdxOut, int[] respOut, int[] respBodyOut);

    // fastly_key_is_valid() -> (status, is_valid u32)
    int fastlyKeyIsValid(int[] out);

    // close(h: request_handle) -> status
    int close(int req);

    // auto_decompress_response_set(h, encodings: content_encodings) -> status
    int autoDecompressResponseSet(int req, int encodings);

    // framing_headers_mode_set(h, mode: framing_headers_mode) -> status
    int framingHeadersModeSet(int req, int mode);

    // register_dynamic_backend(name_prefix: string, target: string, backend_config_mask: backend_config_options,
    //   backend_configuration: ptr dynamic_backend_config) -> status
    int registerDynamicBackend(byte[] namePrefix, byte[] target, int mask, DynamicBackendRecord config);
}
