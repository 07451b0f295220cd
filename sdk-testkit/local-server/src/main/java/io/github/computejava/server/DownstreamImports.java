package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.FastlyStatus;
import java.util.function.ToIntBiFunction;

/**
 * {@code fastly_http_downstream}: what is known about a client request, and request reuse ({@code
 * next_request}). TLS details, fingerprints and proxy reputation are absent ({@code none}) on a plain-HTTP local
 * server; bot detection reads {@code X-Fastly-Bot-*} request headers so tests can simulate it.
 */
final class DownstreamImports implements ImportGroup {
    /** The size of the address buffer the ABI requires. */
    static final int ADDRESS_SIZE = 16;

    /** {@code next_request_options_mask.timeout}. */
    private static final int NEXT_REQUEST_TIMEOUT = 1 << 1;

    /** A call that writes an address's 4 or 16 octets into a 16-byte buffer. */
    @FunctionalInterface
    interface AddressCall {
        int call(byte[] octets16, int[] nwrittenOut);
    }

    @Override
    public void register(Registrar r) {
        String m = "fastly_http_downstream";

        // next_request(options_mask, options: ptr next_request_options) -> (status, request_promise_handle)
        r.add(m, "next_request", (g, a) -> {
            int mask = i32(a, 0);
            long timeout = -1;
            if ((mask & NEXT_REQUEST_TIMEOUT) != 0) {
                timeout = g.memory().u64(i32(a, 1));
                if (timeout < 0) {
                    timeout = Long.MAX_VALUE;
                }
            }
            long waitMillis = timeout;
            return g.u32Out(i32(a, 2), out -> g.sandbox().downstreamCalls().nextRequest(waitMillis, out));
        });

        // next_request_wait(handle) -> (status, request_handle, body_handle)
        r.add(m, "next_request_wait", (g, a) -> {
            g.memory().checkU32(i32(a, 1));
            g.memory().checkU32(i32(a, 2));
            int[] req = new int[1];
            int[] body = new int[1];
            int status = g.sandbox().downstreamCalls().nextRequestWait(i32(a, 0), req, body);
            if (status == FastlyStatus.OK) {
                g.memory().u32(i32(a, 1), req[0]);
                g.memory().u32(i32(a, 2), body[0]);
            }
            return status;
        });

        // next_request_abandon(handle) -> status
        r.add(m, "next_request_abandon", (g, a) -> g.sandbox().downstreamCalls().nextRequestAbandon(i32(a, 0)));

        registerClientGetters(r, m, true);
        r.add(m, "downstream_tls_client_servername", (g, a) -> g.sandbox()
                .downstreamCalls()
                .absent(i32(a, 0)));

        // bot detection, from X-Fastly-Bot-* request headers
        for (String flag : new String[] {"analyzed", "detected", "verified"}) {
            r.add(
                    m,
                    "downstream_bot_" + flag,
                    (g, a) -> g.u32Out(
                            i32(a, 1), out -> g.sandbox().downstreamCalls().botFlag(i32(a, 0), flag, out)));
        }
        for (String text : new String[] {"name", "category"}) {
            r.add(
                    m,
                    "downstream_bot_" + text,
                    (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> g.sandbox()
                            .downstreamCalls()
                            .botText(i32(a, 0), text, buf, len, n)));
        }
        r.add(
                m,
                "downstream_bot_category_kind",
                (g, a) ->
                        g.u32Out(i32(a, 1), out -> g.sandbox().downstreamCalls().botCategoryKind(i32(a, 0), out)));

        // proxy reputation, which a plain-HTTP local server does not have: none, after checking the handle
        for (String absent : new String[] {
            "downstream_resvpnproxy_is_anonymous",
            "downstream_resvpnproxy_is_anonymous_vpn",
            "downstream_resvpnproxy_is_hosting_provider",
            "downstream_resvpnproxy_is_proxy_over_vpn",
            "downstream_resvpnproxy_is_public_proxy",
            "downstream_resvpnproxy_is_relay_proxy",
            "downstream_resvpnproxy_is_residential_proxy",
            "downstream_resvpnproxy_is_smart_dns_proxy",
            "downstream_resvpnproxy_is_tor_exit_node",
            "downstream_resvpnproxy_is_vpn_datacenter",
            "downstream_resvpnproxy_vpn_service_name"
        }) {
            r.add(m, absent, (g, a) -> g.sandbox().downstreamCalls().absent(i32(a, 0)));
        }

        r.unsupported(m, "downstream_visits_this_service", "downstream_visits_this_pop");
    }

    /**
     * Registers the client metadata getters {@code fastly_http_downstream} and {@code fastly_http_req} share:
     * addresses, request id, compliance region, DDoS and Fastly-Key flags, the original header names and count,
     * and the TLS details and fingerprints a plain-HTTP local server does not have ({@code none}, after checking
     * the handle). In {@code fastly_http_downstream} each takes the request handle as its first argument; the
     * deprecated ones in {@code fastly_http_req} take no handle and answer for the current client request.
     *
     * @param handleArg whether the calls take the request handle first ({@code fastly_http_downstream})
     */
    static void registerClientGetters(Registrar r, String m, boolean handleArg) {
        // the arguments after the handle, if any
        int o = handleArg ? 1 : 0;
        ToIntBiFunction<Guest, long[]> req =
                handleArg ? (g, a) -> i32(a, 0) : (g, a) -> g.sandbox().clientRequestHandle();

        // downstream_client_ip_addr([req,] addr_octets_out) -> (status, num_bytes)
        r.add(
                m,
                "downstream_client_ip_addr",
                (g, a) -> address(g, i32(a, o), i32(a, o + 1), (octets, n) -> g.sandbox()
                        .downstreamClientIpAddr(req.applyAsInt(g, a), octets, n)));

        // downstream_server_ip_addr([req,] addr_octets_out) -> (status, num_bytes)
        r.add(
                m,
                "downstream_server_ip_addr",
                (g, a) -> address(g, i32(a, o), i32(a, o + 1), (octets, n) -> g.sandbox()
                        .downstreamCalls()
                        .serverIpAddr(req.applyAsInt(g, a), octets, n)));

        // downstream_client_request_id([req,] buf, max_len, nwritten_out) -> status
        r.add(
                m,
                "downstream_client_request_id",
                (g, a) -> g.out(i32(a, o), i32(a, o + 1), i32(a, o + 2), (buf, len, n) -> g.sandbox()
                        .downstreamCalls()
                        .requestId(req.applyAsInt(g, a), buf, len, n)));

        // downstream_compliance_region([req,] buf, max_len, nwritten_out) -> status
        r.add(
                m,
                "downstream_compliance_region",
                (g, a) -> g.out(i32(a, o), i32(a, o + 1), i32(a, o + 2), (buf, len, n) -> g.sandbox()
                        .downstreamCalls()
                        .complianceRegion(req.applyAsInt(g, a), buf, len, n)));

        // downstream_client_ddos_detected([req]) -> (status, ddos_detected)
        r.add(
                m,
                "downstream_client_ddos_detected",
                (g, a) -> g.u32Out(
                        i32(a, o), out -> g.sandbox().downstreamCalls().ddosDetected(req.applyAsInt(g, a), out)));

        // fastly_key_is_valid([req]) -> (status, is_valid)
        r.add(
                m,
                "fastly_key_is_valid",
                (g, a) -> g.u32Out(
                        i32(a, o), out -> g.sandbox().downstreamCalls().fastlyKeyIsValid(req.applyAsInt(g, a), out)));

        // downstream_original_header_names(req, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status,
        // original_header_names_get(buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
        r.add(
                m,
                handleArg ? "downstream_original_header_names" : "original_header_names_get",
                (g, a) -> g.multi(
                        i32(a, o),
                        i32(a, o + 1),
                        i32(a, o + 2),
                        i32(a, o + 3),
                        i32(a, o + 4),
                        (buf, len, cursor, end, n) -> g.sandbox()
                                .downstreamCalls()
                                .originalHeaderNames(req.applyAsInt(g, a), buf, len, cursor, end, n)));

        // downstream_original_header_count(req) -> (status, header_count), original_header_count() -> (...)
        r.add(
                m,
                handleArg ? "downstream_original_header_count" : "original_header_count",
                (g, a) -> g.u32Out(
                        i32(a, o),
                        out -> g.sandbox().downstreamCalls().originalHeaderCount(req.applyAsInt(g, a), out)));

        for (String absent : new String[] {
            "downstream_client_h2_fingerprint",
            "downstream_client_oh_fingerprint",
            "downstream_tls_cipher_openssl_name",
            "downstream_tls_protocol",
            "downstream_tls_client_hello",
            "downstream_tls_raw_client_certificate",
            "downstream_tls_client_cert_verify_result",
            "downstream_tls_ja3_md5",
            "downstream_tls_ja4"
        }) {
            r.add(m, absent, (g, a) -> g.sandbox().downstreamCalls().absent(req.applyAsInt(g, a)));
        }
    }

    /** An address result: its octets to a 16-byte buffer at {@code octetsPtr}, their count to {@code nPtr}. */
    static int address(Guest g, int octetsPtr, int nPtr, AddressCall call) {
        g.memory().check(octetsPtr, ADDRESS_SIZE);
        g.memory().checkU32(nPtr);
        byte[] octets = new byte[ADDRESS_SIZE];
        int[] n = new int[1];
        int status = call.call(octets, n);
        if (status == FastlyStatus.OK) {
            g.memory().write(octetsPtr, octets, 0, n[0]);
            g.memory().u32(nPtr, n[0]);
        }
        return status;
    }
}
