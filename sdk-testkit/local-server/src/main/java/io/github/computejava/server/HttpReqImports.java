package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.DynamicBackendConfig;

/**
 * {@code fastly_http_req}: requests, sending them (every variant goes through the engine's one send path),
 * pending requests, dynamic backends, and the deprecated downstream getters (answered for the current client
 * request). WebSocket and Fanout hand-offs, {@code inspect} and {@code on_behalf_of} answer {@code unsupported}.
 */
final class HttpReqImports implements ImportGroup {
    /** The size of a {@code send_error_detail} record. */
    static final int ERROR_DETAIL_SIZE = 20;

    /** The size of a {@code dynamic_backend_config} record up to the last field read here. */
    private static final int DYNAMIC_BACKEND_CONFIG_MIN = 92;

    @Override
    public void register(Registrar r) {
        String m = "fastly_http_req";
        HeaderImports.register(r, m);

        // body_downstream_get() -> (status, request_handle, body_handle)
        r.add(m, "body_downstream_get", (g, a) -> {
            g.memory().checkU32(i32(a, 0));
            g.memory().checkU32(i32(a, 1));
            int[] req = new int[1];
            int[] body = new int[1];
            int status = g.sandbox().reqBodyDownstreamGet(req, body);
            if (status == FastlyStatus.OK) {
                g.memory().u32(i32(a, 0), req[0]);
                g.memory().u32(i32(a, 1), body[0]);
            }
            return status;
        });

        // cache_override_set(h, tag, ttl: u32, swr: u32) -> status
        r.add(m, "cache_override_set", (g, a) -> g.sandbox()
                .request()
                .cacheOverrideSet(i32(a, 0), i32(a, 1), i32(a, 2), i32(a, 3)));

        // cache_override_v2_set(h, tag, ttl: u32, swr: u32, sk: list u8) -> status
        r.add(m, "cache_override_v2_set", (g, a) -> g.sandbox()
                .reqCacheOverrideV2Set(
                        i32(a, 0), i32(a, 1), i32(a, 2), i32(a, 3), g.memory().bytes(i32(a, 4), i32(a, 5))));

        // new() -> (status, request_handle)
        r.add(m, "new", (g, a) -> g.u32Out(i32(a, 0), out -> g.sandbox().reqNew(out)));

        // close(h) -> status
        r.add(m, "close", (g, a) -> g.sandbox().reqClose(i32(a, 0)));

        // method_get(h, buf, buf_len, nwritten_out) -> status
        r.add(
                m,
                "method_get",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> g.sandbox()
                        .reqMethodGet(i32(a, 0), buf, len, n)));

        // method_set(h, method: string) -> status
        r.add(m, "method_set", (g, a) -> g.sandbox()
                .reqMethodSet(i32(a, 0), g.memory().utf8Bytes(i32(a, 1), i32(a, 2))));

        // uri_get(h, buf, buf_len, nwritten_out) -> status
        r.add(
                m,
                "uri_get",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> g.sandbox()
                        .reqUriGet(i32(a, 0), buf, len, n)));

        // uri_set(h, uri: string) -> status
        r.add(m, "uri_set", (g, a) -> g.sandbox()
                .reqUriSet(i32(a, 0), g.memory().utf8Bytes(i32(a, 1), i32(a, 2))));

        // version_get(h) -> (status, http_version)
        r.add(m, "version_get", (g, a) -> g.u32Out(i32(a, 1), out -> g.sandbox().reqVersionGet(i32(a, 0), out)));

        // version_set(h, version: http_version) -> status
        r.add(m, "version_set", (g, a) -> g.sandbox().reqVersionSet(i32(a, 0), i32(a, 1)));

        // framing_headers_mode_set(h, mode) -> status
        r.add(m, "framing_headers_mode_set", (g, a) -> g.sandbox().reqFramingHeadersModeSet(i32(a, 0), i32(a, 1)));

        // auto_decompress_response_set(h, encodings) -> status
        r.add(m, "auto_decompress_response_set", (g, a) -> g.sandbox()
                .reqAutoDecompressResponseSet(i32(a, 0), i32(a, 1)));

        // send(h, b, backend: string) -> (status, response_handle, body_handle)
        r.add(m, "send", (g, a) -> send(g, a, -1, 4, false));
        // send_v2(h, b, backend: string, error_detail: ptr send_error_detail) -> (status, response, body)
        r.add(m, "send_v2", (g, a) -> send(g, a, 4, 5, false));
        // send_v3(h, b, backend: string, error_detail) -> (status, response, body): no caching of any form
        r.add(m, "send_v3", (g, a) -> send(g, a, 4, 5, true));

        // send_async(h, b, backend: string) -> (status, pending_request_handle)
        r.add(m, "send_async", (g, a) -> sendAsync(g, a, false, false, 4));
        // send_async_streaming(h, b, backend: string) -> (status, pending_request_handle)
        r.add(m, "send_async_streaming", (g, a) -> sendAsync(g, a, true, false, 4));
        // send_async_v2(h, b, backend: string, streaming: u32) -> (status, pending_request_handle): uncached
        r.add(m, "send_async_v2", (g, a) -> sendAsync(g, a, i32(a, 4) != 0, true, 5));

        // pending_req_poll(h) -> (status, is_done, response_handle, body_handle)
        r.add(m, "pending_req_poll", (g, a) -> poll(g, i32(a, 0), null, i32(a, 1), i32(a, 2), i32(a, 3)));
        // pending_req_poll_v2(h, error_detail) -> (status, is_done, response_handle, body_handle)
        r.add(m, "pending_req_poll_v2", (g, a) -> poll(g, i32(a, 0), i32(a, 1), i32(a, 2), i32(a, 3), i32(a, 4)));

        // pending_req_wait(h) -> (status, response_handle, body_handle)
        r.add(m, "pending_req_wait", (g, a) -> wait(g, i32(a, 0), null, i32(a, 1), i32(a, 2)));
        // pending_req_wait_v2(h, error_detail) -> (status, response_handle, body_handle)
        r.add(m, "pending_req_wait_v2", (g, a) -> wait(g, i32(a, 0), i32(a, 1), i32(a, 2), i32(a, 3)));

        // pending_req_select(hs: list pending_request_handle) -> (status, done_idx, response_handle, body_handle)
        r.add(
                m,
                "pending_req_select",
                (g, a) -> select(g, i32(a, 0), i32(a, 1), null, i32(a, 2), i32(a, 3), i32(a, 4)));
        // pending_req_select_v2(hs, error_detail) -> (status, done_idx, response_handle, body_handle)
        r.add(
                m,
                "pending_req_select_v2",
                (g, a) -> select(g, i32(a, 0), i32(a, 1), i32(a, 2), i32(a, 3), i32(a, 4), i32(a, 5)));

        // pending_req_header_insert(h, name: list u8, value: list u8, target: pending_response_kind) -> status
        r.add(m, "pending_req_header_insert", (g, a) -> g.sandbox()
                .request()
                .pendingHeaderEdit(
                        i32(a, 0),
                        i32(a, 5),
                        "insert",
                        g.memory().bytes(i32(a, 1), i32(a, 2)),
                        g.memory().bytes(i32(a, 3), i32(a, 4))));
        // pending_req_header_append(h, name, value, target) -> status
        r.add(m, "pending_req_header_append", (g, a) -> g.sandbox()
                .request()
                .pendingHeaderEdit(
                        i32(a, 0),
                        i32(a, 5),
                        "append",
                        g.memory().bytes(i32(a, 1), i32(a, 2)),
                        g.memory().bytes(i32(a, 3), i32(a, 4))));
        // pending_req_header_remove(h, name, target) -> status
        r.add(m, "pending_req_header_remove", (g, a) -> g.sandbox()
                .request()
                .pendingHeaderEdit(i32(a, 0), i32(a, 3), "remove", g.memory().bytes(i32(a, 1), i32(a, 2)), null));

        // register_dynamic_backend(name_prefix: string, target: string, mask, config: ptr dynamic_backend_config)
        r.add(m, "register_dynamic_backend", HttpReqImports::registerDynamicBackend);

        // deprecated getters of the current client request (fastly_http_downstream has the per-handle ones)
        DownstreamImports.registerClientGetters(r, m, false);

        r.unsupported(
                m,
                "upgrade_websocket",
                "redirect_to_websocket_proxy",
                "redirect_to_grip_proxy",
                "redirect_to_websocket_proxy_v2",
                "redirect_to_grip_proxy_v2",
                "inspect",
                "on_behalf_of");
    }

    /**
     * Reads the guest's error detail record (checked first, so a bad pointer sends nothing).
     *
     * @param ptr the record's address, or null for the first versions of the calls, which have none
     */
    static byte[] readDetail(Guest g, Integer ptr) {
        if (ptr == null) {
            return null;
        }
        g.memory().checkU32(ptr);
        return g.memory().bytes(ptr, ERROR_DETAIL_SIZE);
    }

    static void writeDetail(Guest g, Integer ptr, byte[] detail) {
        if (ptr != null) {
            g.memory().write(ptr, detail, 0, detail.length);
        }
    }

    private static int send(Guest g, long[] a, int detailArg, int firstOut, boolean uncached) {
        byte[] backend = g.memory().utf8Bytes(i32(a, 2), i32(a, 3));
        Integer detailPtr = detailArg < 0 ? null : i32(a, detailArg);
        byte[] detail = readDetail(g, detailPtr);
        int respPtr = i32(a, firstOut);
        int bodyPtr = i32(a, firstOut + 1);
        g.memory().checkU32(respPtr);
        g.memory().checkU32(bodyPtr);
        int[] resp = new int[1];
        int[] body = new int[1];
        int status = g.sandbox().request().send(i32(a, 0), i32(a, 1), backend, detail, resp, body, uncached);
        writeDetail(g, detailPtr, detail);
        if (status == FastlyStatus.OK) {
            g.memory().u32(respPtr, resp[0]);
            g.memory().u32(bodyPtr, body[0]);
        }
        return status;
    }

    private static int sendAsync(Guest g, long[] a, boolean streaming, boolean uncached, int outArg) {
        byte[] backend = g.memory().utf8Bytes(i32(a, 2), i32(a, 3));
        g.memory().checkU32(i32(a, outArg));
        int[] out = new int[1];
        int status = g.sandbox().request().sendAsync(i32(a, 0), i32(a, 1), backend, streaming, uncached, out);
        return g.outU32(status, i32(a, outArg), out[0]);
    }

    private static int poll(Guest g, int pending, Integer detailPtr, int donePtr, int respPtr, int bodyPtr) {
        byte[] detail = readDetail(g, detailPtr);
        g.memory().checkU32(donePtr);
        g.memory().checkU32(respPtr);
        g.memory().checkU32(bodyPtr);
        int[] done = new int[1];
        int[] resp = new int[1];
        int[] body = new int[1];
        int status = g.sandbox().request().pendingPoll(pending, detail, done, resp, body);
        writeDetail(g, detailPtr, detail);
        if (status == FastlyStatus.OK) {
            g.memory().u32(donePtr, done[0]);
            g.memory().u32(respPtr, resp[0]);
            g.memory().u32(bodyPtr, body[0]);
        }
        return status;
    }

    private static int wait(Guest g, int pending, Integer detailPtr, int respPtr, int bodyPtr) {
        byte[] detail = readDetail(g, detailPtr);
        g.memory().checkU32(respPtr);
        g.memory().checkU32(bodyPtr);
        int[] resp = new int[1];
        int[] body = new int[1];
        int status = g.sandbox().request().pendingWait(pending, detail, resp, body);
        writeDetail(g, detailPtr, detail);
        if (status == FastlyStatus.OK) {
            g.memory().u32(respPtr, resp[0]);
            g.memory().u32(bodyPtr, body[0]);
        }
        return status;
    }

    private static int select(
            Guest g, int listPtr, int listLen, Integer detailPtr, int donePtr, int respPtr, int bodyPtr) {
        int[] pendings = g.memory().u32s(listPtr, listLen);
        byte[] detail = readDetail(g, detailPtr);
        g.memory().checkU32(donePtr);
        g.memory().checkU32(respPtr);
        g.memory().checkU32(bodyPtr);
        int[] done = new int[1];
        int[] resp = new int[1];
        int[] body = new int[1];
        int status = g.sandbox().request().pendingSelect(pendings, detail, done, resp, body);
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
     * {@code register_dynamic_backend}: decodes the {@code dynamic_backend_config} fields whose mask bits are
     * set (host override, timeouts, certificate and SNI host names, TLS versions, keepalive settings).
     */
    private static int registerDynamicBackend(Guest g, long[] a) {
        GuestMemory mem = g.memory();
        String name = mem.utf8(i32(a, 0), i32(a, 1));
        String target = mem.utf8(i32(a, 2), i32(a, 3));
        int mask = i32(a, 4);
        int cfg = i32(a, 5);
        String hostOverride = null;
        int connect = 0;
        int firstByte = 0;
        int betweenBytes = 0;
        String certHost = null;
        String sniHost = null;
        if ((mask & ~1) != 0) {
            mem.check(cfg, DYNAMIC_BACKEND_CONFIG_MIN);
            mem.checkU32(cfg);
        }
        if ((mask & io.github.computejava.host.BackendHostcalls.HOST_OVERRIDE) != 0) {
            hostOverride = text(mem, cfg, 0, 1024);
        }
        if ((mask & io.github.computejava.host.BackendHostcalls.CONNECT_TIMEOUT) != 0) {
            connect = mem.u32(cfg + 8);
        }
        if ((mask & io.github.computejava.host.BackendHostcalls.FIRST_BYTE_TIMEOUT) != 0) {
            firstByte = mem.u32(cfg + 12);
        }
        if ((mask & io.github.computejava.host.BackendHostcalls.BETWEEN_BYTES_TIMEOUT) != 0) {
            betweenBytes = mem.u32(cfg + 16);
        }
        if ((mask & io.github.computejava.host.BackendHostcalls.CERT_HOSTNAME) != 0) {
            certHost = text(mem, cfg, 28, 1024);
        }
        if ((mask & io.github.computejava.host.BackendHostcalls.SNI_HOSTNAME) != 0) {
            int len = mem.u32(cfg + 56);
            sniHost = len == 0 ? "" : text(mem, cfg, 52, 1024);
        }
        int sslMin = (mask & io.github.computejava.host.BackendHostcalls.SSL_MIN_VERSION) != 0 ? mem.u32(cfg + 20) : -1;
        int sslMax = (mask & io.github.computejava.host.BackendHostcalls.SSL_MAX_VERSION) != 0 ? mem.u32(cfg + 24) : -1;
        boolean keepalive = (mask & io.github.computejava.host.BackendHostcalls.KEEPALIVE) != 0;
        return g.sandbox()
                .backends()
                .registerDynamicBackend(
                        name,
                        target,
                        mask,
                        new DynamicBackendConfig(
                                hostOverride,
                                connect,
                                firstByte,
                                betweenBytes,
                                certHost,
                                sniHost,
                                sslMin,
                                sslMax,
                                keepalive ? mem.u32(cfg + 72) : 0,
                                keepalive && mem.u32(cfg + 76) != 0,
                                keepalive ? mem.u32(cfg + 80) : 0,
                                keepalive ? mem.u32(cfg + 84) : 0,
                                keepalive ? mem.u32(cfg + 88) : 0));
    }

    /** A (pointer, length) text field of a record: {@code inval} when empty or longer than {@code max}. */
    private static String text(GuestMemory mem, int record, int offset, int max) {
        int ptr = mem.u32(record + offset);
        int len = mem.u32(record + offset + 4);
        if (len == 0 || Integer.toUnsignedLong(len) > max) {
            throw GuestFault.inval("a text field of the backend configuration is empty or too long");
        }
        return mem.utf8(ptr, len);
    }
}
