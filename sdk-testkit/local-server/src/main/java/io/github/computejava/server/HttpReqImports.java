package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.DynamicBackendRecord;
import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.abi.FastlyStatus;

/**
 * {@code fastly_http_req}: requests, sending them (every variant goes through the engine's one send path),
 * pending requests, dynamic backends, and the deprecated getters of the current client request. WebSocket and
 * Fanout hand-offs, {@code inspect} and {@code on_behalf_of} are not implemented (the table answers {@code
 * unsupported}).
 */
final class HttpReqImports implements ImportGroup {
    private static final String M = "fastly_http_req";

    @Override
    public void register(Registrar r) {
        // body_downstream_get() -> (status, request_handle, body_handle)
        r.add(M, "body_downstream_get", (g, a) -> {
            g.memory().checkU32(i32(a, 0));
            g.memory().checkU32(i32(a, 1));
            int[] req = new int[1];
            int[] body = new int[1];
            int status = calls(g).bodyDownstreamGet(req, body);
            if (status == FastlyStatus.OK) {
                g.memory().u32(i32(a, 0), req[0]);
                g.memory().u32(i32(a, 1), body[0]);
            }
            return status;
        });

        // cache_override_set(h, tag: cache_override_tag, ttl: u32, stale_while_revalidate: u32) -> status
        r.add(M, "cache_override_set", (g, a) -> calls(g).cacheOverrideSet(i32(a, 0), i32(a, 1), i32(a, 2), i32(a, 3)));

        // cache_override_v2_set(h, tag, ttl: u32, stale_while_revalidate: u32, sk: list u8) -> status
        r.add(M, "cache_override_v2_set", (g, a) -> calls(g).cacheOverrideV2Set(
                        i32(a, 0), i32(a, 1), i32(a, 2), i32(a, 3), g.memory().bytes(i32(a, 4), i32(a, 5))));

        // downstream_client_ip_addr(addr_octets_out: ptr char8 [16]) -> (status, num_bytes)
        r.add(
                M,
                "downstream_client_ip_addr",
                (g, a) -> g.address(i32(a, 0), i32(a, 1), calls(g)::downstreamClientIpAddr));

        // downstream_server_ip_addr(addr_octets_out: ptr char8 [16]) -> (status, num_bytes)
        r.add(
                M,
                "downstream_server_ip_addr",
                (g, a) -> g.address(i32(a, 0), i32(a, 1), calls(g)::downstreamServerIpAddr));

        // downstream_client_h2_fingerprint(h2fp_out, h2fp_max_len, nwritten_out) -> status
        r.add(
                M,
                "downstream_client_h2_fingerprint",
                (g, a) -> g.out(i32(a, 0), i32(a, 1), i32(a, 2), calls(g)::downstreamClientH2Fingerprint));

        // downstream_client_request_id(reqid_out, reqid_max_len, nwritten_out) -> status
        r.add(
                M,
                "downstream_client_request_id",
                (g, a) -> g.out(i32(a, 0), i32(a, 1), i32(a, 2), calls(g)::downstreamClientRequestId));

        // downstream_client_oh_fingerprint(ohfp_out, ohfp_max_len, nwritten_out) -> status
        r.add(
                M,
                "downstream_client_oh_fingerprint",
                (g, a) -> g.out(i32(a, 0), i32(a, 1), i32(a, 2), calls(g)::downstreamClientOhFingerprint));

        // downstream_client_ddos_detected() -> (status, ddos_detected)
        r.add(
                M,
                "downstream_client_ddos_detected",
                (g, a) -> g.u32Out(i32(a, 0), calls(g)::downstreamClientDdosDetected));

        // downstream_tls_cipher_openssl_name(cipher_out, cipher_max_len, nwritten_out) -> status
        r.add(
                M,
                "downstream_tls_cipher_openssl_name",
                (g, a) -> g.out(i32(a, 0), i32(a, 1), i32(a, 2), calls(g)::downstreamTlsCipherOpensslName));

        // downstream_tls_protocol(protocol_out, protocol_max_len, nwritten_out) -> status
        r.add(
                M,
                "downstream_tls_protocol",
                (g, a) -> g.out(i32(a, 0), i32(a, 1), i32(a, 2), calls(g)::downstreamTlsProtocol));

        // downstream_tls_client_hello(chello_out, chello_max_len, nwritten_out) -> status
        r.add(
                M,
                "downstream_tls_client_hello",
                (g, a) -> g.out(i32(a, 0), i32(a, 1), i32(a, 2), calls(g)::downstreamTlsClientHello));

        // downstream_tls_raw_client_certificate(raw_client_cert_out, raw_client_cert_max_len, nwritten_out) -> status
        r.add(
                M,
                "downstream_tls_raw_client_certificate",
                (g, a) -> g.out(i32(a, 0), i32(a, 1), i32(a, 2), calls(g)::downstreamTlsRawClientCertificate));

        // downstream_tls_client_cert_verify_result() -> (status, client_cert_verify_result)
        r.add(
                M,
                "downstream_tls_client_cert_verify_result",
                (g, a) -> g.u32Out(i32(a, 0), calls(g)::downstreamTlsClientCertVerifyResult));

        // downstream_tls_ja3_md5(cja3_md5_out: ptr char8 [16]) -> (status, num_bytes)
        r.add(M, "downstream_tls_ja3_md5", (g, a) -> g.address(i32(a, 0), i32(a, 1), calls(g)::downstreamTlsJa3Md5));

        // downstream_tls_ja4(ja4_out, ja4_max_len, nwritten_out) -> status
        r.add(M, "downstream_tls_ja4", (g, a) -> g.out(i32(a, 0), i32(a, 1), i32(a, 2), calls(g)::downstreamTlsJa4));

        // downstream_compliance_region(region_out, region_max_len, nwritten_out) -> status
        r.add(
                M,
                "downstream_compliance_region",
                (g, a) -> g.out(i32(a, 0), i32(a, 1), i32(a, 2), calls(g)::downstreamComplianceRegion));

        // new() -> (status, request_handle)
        r.add(M, "new", (g, a) -> g.u32Out(i32(a, 0), calls(g)::new_));

        // header_names_get(h, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
        r.add(
                M,
                "header_names_get",
                (g, a) -> g.multi(
                        i32(a, 1), i32(a, 2), i32(a, 3), i32(a, 4), i32(a, 5), (buf, len, cursor, end, n) -> calls(g)
                                .headerNamesGet(i32(a, 0), buf, len, cursor, end, n)));

        // original_header_names_get(buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
        r.add(
                M,
                "original_header_names_get",
                (g, a) -> g.multi(
                        i32(a, 0), i32(a, 1), i32(a, 2), i32(a, 3), i32(a, 4), calls(g)::originalHeaderNamesGet));

        // original_header_count() -> (status, header_count)
        r.add(M, "original_header_count", (g, a) -> g.u32Out(i32(a, 0), calls(g)::originalHeaderCount));

        // header_value_get(h, name: list u8, value, value_max_len, nwritten_out) -> status
        r.add(M, "header_value_get", (g, a) -> {
            byte[] name = g.memory().bytes(i32(a, 1), i32(a, 2));
            return g.out(i32(a, 3), i32(a, 4), i32(a, 5), (buf, len, n) -> calls(g).headerValueGet(
                            i32(a, 0), name, buf, len, n));
        });

        // header_values_get(h, name: list u8, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
        r.add(M, "header_values_get", (g, a) -> {
            byte[] name = g.memory().bytes(i32(a, 1), i32(a, 2));
            return g.multi(i32(a, 3), i32(a, 4), i32(a, 5), i32(a, 6), i32(a, 7), (buf, len, cursor, end, n) -> calls(g)
                    .headerValuesGet(i32(a, 0), name, buf, len, cursor, end, n));
        });

        // header_values_set(h, name: list u8, values: list char8 (NUL-terminated values)) -> status
        r.add(M, "header_values_set", (g, a) -> {
            byte[] name = g.memory().bytes(i32(a, 1), i32(a, 2));
            byte[] values = g.memory().bytes(i32(a, 3), i32(a, 4));
            return calls(g).headerValuesSet(i32(a, 0), name, values, values.length);
        });

        // header_insert(h, name: list u8, value: list u8) -> status
        r.add(M, "header_insert", (g, a) -> calls(g).headerInsert(
                        i32(a, 0),
                        g.memory().bytes(i32(a, 1), i32(a, 2)),
                        g.memory().bytes(i32(a, 3), i32(a, 4))));

        // header_append(h, name: list u8, value: list u8) -> status
        r.add(M, "header_append", (g, a) -> calls(g).headerAppend(
                        i32(a, 0),
                        g.memory().bytes(i32(a, 1), i32(a, 2)),
                        g.memory().bytes(i32(a, 3), i32(a, 4))));

        // header_remove(h, name: list u8) -> status
        r.add(M, "header_remove", (g, a) -> calls(g).headerRemove(
                        i32(a, 0), g.memory().bytes(i32(a, 1), i32(a, 2))));

        // method_get(h, buf, buf_len, nwritten_out) -> status
        r.add(
                M,
                "method_get",
                (g, a) -> g.out(
                        i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> calls(g).methodGet(i32(a, 0), buf, len, n)));

        // method_set(h, method: string) -> status
        r.add(M, "method_set", (g, a) -> calls(g).methodSet(
                        i32(a, 0), g.memory().utf8Bytes(i32(a, 1), i32(a, 2))));

        // uri_get(h, buf, buf_len, nwritten_out) -> status
        r.add(
                M,
                "uri_get",
                (g, a) -> g.out(
                        i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> calls(g).uriGet(i32(a, 0), buf, len, n)));

        // uri_set(h, uri: string) -> status
        r.add(M, "uri_set", (g, a) -> calls(g).uriSet(i32(a, 0), g.memory().utf8Bytes(i32(a, 1), i32(a, 2))));

        // version_get(h) -> (status, http_version)
        r.add(M, "version_get", (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).versionGet(i32(a, 0), out)));

        // version_set(h, version: http_version) -> status
        r.add(M, "version_set", (g, a) -> calls(g).versionSet(i32(a, 0), i32(a, 1)));

        // send(h, b, backend: string) -> (status, response_handle, body_handle)
        r.add(
                M,
                "send",
                (g, a) -> send(g, a, -1, 4, (backend, detail, resp, body) -> calls(g).send(
                                i32(a, 0), i32(a, 1), backend, resp, body)));

        // send_v2(h, b, backend: string, error_detail: ptr send_error_detail) -> (status, response, body)
        r.add(
                M,
                "send_v2",
                (g, a) -> send(g, a, 4, 5, (backend, detail, resp, body) -> calls(g).sendV2(
                                i32(a, 0), i32(a, 1), backend, detail, resp, body)));

        // send_v3(h, b, backend: string, error_detail) -> (status, response, body): no caching of any form
        r.add(
                M,
                "send_v3",
                (g, a) -> send(g, a, 4, 5, (backend, detail, resp, body) -> calls(g).sendV3(
                                i32(a, 0), i32(a, 1), backend, detail, resp, body)));

        // send_async(h, b, backend: string) -> (status, pending_request_handle)
        r.add(M, "send_async", (g, a) -> {
            byte[] backend = backend(g, a);
            return g.u32Out(i32(a, 4), out -> calls(g).sendAsync(i32(a, 0), i32(a, 1), backend, out));
        });

        // send_async_v2(h, b, backend: string, streaming: u32) -> (status, pending_request_handle): uncached
        r.add(M, "send_async_v2", (g, a) -> {
            byte[] backend = backend(g, a);
            return g.u32Out(i32(a, 5), out -> calls(g).sendAsyncV2(i32(a, 0), i32(a, 1), backend, i32(a, 4), out));
        });

        // send_async_streaming(h, b, backend: string) -> (status, pending_request_handle)
        r.add(M, "send_async_streaming", (g, a) -> {
            byte[] backend = backend(g, a);
            return g.u32Out(i32(a, 4), out -> calls(g).sendAsyncStreaming(i32(a, 0), i32(a, 1), backend, out));
        });

        // pending_req_header_insert(h, name: list u8, value: list u8, target: pending_response_kind) -> status
        r.add(M, "pending_req_header_insert", (g, a) -> calls(g).pendingReqHeaderInsert(
                        i32(a, 0),
                        g.memory().bytes(i32(a, 1), i32(a, 2)),
                        g.memory().bytes(i32(a, 3), i32(a, 4)),
                        i32(a, 5)));

        // pending_req_header_append(h, name: list u8, value: list u8, target: pending_response_kind) -> status
        r.add(M, "pending_req_header_append", (g, a) -> calls(g).pendingReqHeaderAppend(
                        i32(a, 0),
                        g.memory().bytes(i32(a, 1), i32(a, 2)),
                        g.memory().bytes(i32(a, 3), i32(a, 4)),
                        i32(a, 5)));

        // pending_req_header_remove(h, name: list u8, target: pending_response_kind) -> status
        r.add(M, "pending_req_header_remove", (g, a) -> calls(g).pendingReqHeaderRemove(
                        i32(a, 0), g.memory().bytes(i32(a, 1), i32(a, 2)), i32(a, 3)));

        // pending_req_poll(h) -> (status, is_done, response_handle, body_handle)
        r.add(
                M,
                "pending_req_poll",
                (g, a) -> poll(g, null, i32(a, 1), i32(a, 2), i32(a, 3), (detail, done, resp, body) -> calls(g)
                        .pendingReqPoll(i32(a, 0), done, resp, body)));

        // pending_req_poll_v2(h, error_detail) -> (status, is_done, response_handle, body_handle)
        r.add(
                M,
                "pending_req_poll_v2",
                (g, a) -> poll(g, i32(a, 1), i32(a, 2), i32(a, 3), i32(a, 4), (detail, done, resp, body) -> calls(g)
                        .pendingReqPollV2(i32(a, 0), detail, done, resp, body)));

        // pending_req_wait(h) -> (status, response_handle, body_handle)
        r.add(
                M,
                "pending_req_wait",
                (g, a) -> wait(g, null, i32(a, 1), i32(a, 2), (detail, resp, body) -> calls(g).pendingReqWait(
                                i32(a, 0), resp, body)));

        // pending_req_wait_v2(h, error_detail) -> (status, response_handle, body_handle)
        r.add(
                M,
                "pending_req_wait_v2",
                (g, a) -> wait(g, i32(a, 1), i32(a, 2), i32(a, 3), (detail, resp, body) -> calls(g).pendingReqWaitV2(
                                i32(a, 0), detail, resp, body)));

        // pending_req_select(hs: list pending_request_handle) -> (status, done_idx, response_handle, body_handle)
        r.add(M, "pending_req_select", (g, a) -> {
            int[] pendings = g.memory().u32s(i32(a, 0), i32(a, 1));
            return select(g, null, i32(a, 2), i32(a, 3), i32(a, 4), (detail, done, resp, body) -> calls(g)
                    .pendingReqSelect(pendings, done, resp, body));
        });

        // pending_req_select_v2(hs, error_detail) -> (status, done_idx, response_handle, body_handle)
        r.add(M, "pending_req_select_v2", (g, a) -> {
            int[] pendings = g.memory().u32s(i32(a, 0), i32(a, 1));
            return select(g, i32(a, 2), i32(a, 3), i32(a, 4), i32(a, 5), (detail, done, resp, body) -> calls(g)
                    .pendingReqSelectV2(pendings, detail, done, resp, body));
        });

        // fastly_key_is_valid() -> (status, is_valid)
        r.add(M, "fastly_key_is_valid", (g, a) -> g.u32Out(i32(a, 0), calls(g)::fastlyKeyIsValid));

        // close(h) -> status
        r.add(M, "close", (g, a) -> calls(g).close(i32(a, 0)));

        // auto_decompress_response_set(h, encodings: content_encodings) -> status
        r.add(M, "auto_decompress_response_set", (g, a) -> calls(g).autoDecompressResponseSet(i32(a, 0), i32(a, 1)));

        // framing_headers_mode_set(h, mode: framing_headers_mode) -> status
        r.add(M, "framing_headers_mode_set", (g, a) -> calls(g).framingHeadersModeSet(i32(a, 0), i32(a, 1)));

        // register_dynamic_backend(name_prefix: string, target: string, backend_config_mask,
        //   backend_configuration: ptr dynamic_backend_config) -> status
        r.add(M, "register_dynamic_backend", (g, a) -> calls(g).registerDynamicBackend(
                        g.memory().utf8Bytes(i32(a, 0), i32(a, 1)),
                        g.memory().utf8Bytes(i32(a, 2), i32(a, 3)),
                        i32(a, 4),
                        dynamicBackendRecord(g.memory(), i32(a, 4), i32(a, 5))));
    }

    private static FastlyHttpReq calls(Guest g) {
        return g.sandbox().httpReq();
    }

    /** The {@code backend: string} argument of the sends (arguments 2 and 3). */
    private static byte[] backend(Guest g, long[] a) {
        return g.memory().utf8Bytes(i32(a, 2), i32(a, 3));
    }

    /** A send: the backend's name, the guest's error detail record (or null), and the response and body out. */
    @FunctionalInterface
    private interface SendCall {
        int call(byte[] backend, byte[] detail, int[] respOut, int[] bodyOut);
    }

    /** A call answering a response and its body, with the guest's error detail record (or null). */
    @FunctionalInterface
    private interface ResponseCall {
        int call(byte[] detail, int[] respOut, int[] bodyOut);
    }

    /** A call answering a flag or index, a response and its body, with the guest's error detail record (or null). */
    @FunctionalInterface
    private interface IndexedResponseCall {
        int call(byte[] detail, int[] indexOut, int[] respOut, int[] bodyOut);
    }

    /**
     * Reads the guest's error detail record (checked first, so a bad pointer sends nothing).
     *
     * @param ptr the record's address, or null for the first versions of the calls, which have none
     */
    private static byte[] readDetail(Guest g, Integer ptr) {
        if (ptr == null) {
            return null;
        }
        g.memory().checkU32(ptr);
        return g.memory().bytes(ptr, FastlyHttpReq.SEND_ERROR_DETAIL_SIZE);
    }

    private static void writeDetail(Guest g, Integer ptr, byte[] detail) {
        if (ptr != null) {
            g.memory().write(ptr, detail, 0, detail.length);
        }
    }

    /** {@code send*}: the backend is read first, then the detail record and the out-pointers are checked. */
    private static int send(Guest g, long[] a, int detailArg, int firstOut, SendCall call) {
        byte[] backend = backend(g, a);
        Integer detailPtr = detailArg < 0 ? null : i32(a, detailArg);
        return wait(
                g,
                detailPtr,
                i32(a, firstOut),
                i32(a, firstOut + 1),
                (detail, resp, body) -> call.call(backend, detail, resp, body));
    }

    private static int wait(Guest g, Integer detailPtr, int respPtr, int bodyPtr, ResponseCall call) {
        byte[] detail = readDetail(g, detailPtr);
        g.memory().checkU32(respPtr);
        g.memory().checkU32(bodyPtr);
        int[] resp = new int[1];
        int[] body = new int[1];
        int status = call.call(detail, resp, body);
        writeDetail(g, detailPtr, detail);
        if (status == FastlyStatus.OK) {
            g.memory().u32(respPtr, resp[0]);
            g.memory().u32(bodyPtr, body[0]);
        }
        return status;
    }

    private static int poll(
            Guest g, Integer detailPtr, int donePtr, int respPtr, int bodyPtr, IndexedResponseCall call) {
        byte[] detail = readDetail(g, detailPtr);
        g.memory().checkU32(donePtr);
        g.memory().checkU32(respPtr);
        g.memory().checkU32(bodyPtr);
        int[] done = new int[1];
        int[] resp = new int[1];
        int[] body = new int[1];
        int status = call.call(detail, done, resp, body);
        writeDetail(g, detailPtr, detail);
        if (status == FastlyStatus.OK) {
            g.memory().u32(donePtr, done[0]);
            g.memory().u32(respPtr, resp[0]);
            g.memory().u32(bodyPtr, body[0]);
        }
        return status;
    }

    private static int select(
            Guest g, Integer detailPtr, int donePtr, int respPtr, int bodyPtr, IndexedResponseCall call) {
        byte[] detail = readDetail(g, detailPtr);
        g.memory().checkU32(donePtr);
        g.memory().checkU32(respPtr);
        g.memory().checkU32(bodyPtr);
        int[] done = new int[1];
        int[] resp = new int[1];
        int[] body = new int[1];
        int status = call.call(detail, done, resp, body);
        writeDetail(g, detailPtr, detail);
        if (status == FastlyStatus.OK || status == FastlyStatus.ERROR) {
            g.memory().u32(donePtr, done[0]);
        }
        if (status == FastlyStatus.OK) {
            g.memory().u32(respPtr, resp[0]);
            g.memory().u32(bodyPtr, body[0]);
        }
        return status;
    }

    /**
     * Copies the fields of a {@code dynamic_backend_config} whose mask bits are set (the ones the host reads: host
     * override, timeouts, TLS versions, certificate and SNI host names, keepalive settings); the engine decodes
     * and checks them.
     */
    private static DynamicBackendRecord dynamicBackendRecord(GuestMemory mem, int mask, int cfg) {
        DynamicBackendRecord c = new DynamicBackendRecord();
        if ((mask & ~DynamicBackendRecord.RESERVED) == 0) {
            return c;
        }
        // the record up to the end of the last field the host reads (tcp_keepalive_time_secs)
        mem.check(cfg, DynamicBackendRecord.OFF_MAX_CONNECTIONS);
        mem.checkU32(cfg);
        if ((mask & DynamicBackendRecord.HOST_OVERRIDE) != 0) {
            c.hostOverride =
                    text(mem, cfg, DynamicBackendRecord.OFF_HOST_OVERRIDE, DynamicBackendRecord.OFF_HOST_OVERRIDE_LEN);
        }
        if ((mask & DynamicBackendRecord.CONNECT_TIMEOUT) != 0) {
            c.connectTimeoutMs = mem.u32(cfg + DynamicBackendRecord.OFF_CONNECT_TIMEOUT_MS);
        }
        if ((mask & DynamicBackendRecord.FIRST_BYTE_TIMEOUT) != 0) {
            c.firstByteTimeoutMs = mem.u32(cfg + DynamicBackendRecord.OFF_FIRST_BYTE_TIMEOUT_MS);
        }
        if ((mask & DynamicBackendRecord.BETWEEN_BYTES_TIMEOUT) != 0) {
            c.betweenBytesTimeoutMs = mem.u32(cfg + DynamicBackendRecord.OFF_BETWEEN_BYTES_TIMEOUT_MS);
        }
        if ((mask & DynamicBackendRecord.SSL_MIN_VERSION) != 0) {
            c.sslMinVersion = mem.u32(cfg + DynamicBackendRecord.OFF_SSL_MIN_VERSION);
        }
        if ((mask & DynamicBackendRecord.SSL_MAX_VERSION) != 0) {
            c.sslMaxVersion = mem.u32(cfg + DynamicBackendRecord.OFF_SSL_MAX_VERSION);
        }
        if ((mask & DynamicBackendRecord.CERT_HOSTNAME) != 0) {
            c.certHostname =
                    text(mem, cfg, DynamicBackendRecord.OFF_CERT_HOSTNAME, DynamicBackendRecord.OFF_CERT_HOSTNAME_LEN);
        }
        if ((mask & DynamicBackendRecord.SNI_HOSTNAME) != 0) {
            c.sniHostname =
                    text(mem, cfg, DynamicBackendRecord.OFF_SNI_HOSTNAME, DynamicBackendRecord.OFF_SNI_HOSTNAME_LEN);
        }
        if ((mask & DynamicBackendRecord.CLIENT_CERT) != 0) {
            c.clientCertificate = text(
                    mem,
                    cfg,
                    DynamicBackendRecord.OFF_CLIENT_CERTIFICATE,
                    DynamicBackendRecord.OFF_CLIENT_CERTIFICATE_LEN);
            c.clientKey = mem.u32(cfg + DynamicBackendRecord.OFF_CLIENT_KEY);
        }
        if ((mask & DynamicBackendRecord.KEEPALIVE) != 0) {
            c.httpKeepaliveTimeMs = mem.u32(cfg + DynamicBackendRecord.OFF_HTTP_KEEPALIVE_TIME_MS);
            c.tcpKeepaliveEnable = mem.u32(cfg + DynamicBackendRecord.OFF_TCP_KEEPALIVE_ENABLE);
            c.tcpKeepaliveIntervalSecs = mem.u32(cfg + DynamicBackendRecord.OFF_TCP_KEEPALIVE_INTERVAL_SECS);
            c.tcpKeepaliveProbes = mem.u32(cfg + DynamicBackendRecord.OFF_TCP_KEEPALIVE_PROBES);
            c.tcpKeepaliveTimeSecs = mem.u32(cfg + DynamicBackendRecord.OFF_TCP_KEEPALIVE_TIME_SECS);
        }
        return c;
    }

    /** A (pointer, length) text field of a record: its bytes, empty without reading the pointer for length 0. */
    private static byte[] text(GuestMemory mem, int record, int offPtr, int offLen) {
        int ptr = mem.u32(record + offPtr);
        int len = mem.u32(record + offLen);
        return len == 0 ? new byte[0] : mem.bytes(ptr, len);
    }
}
