package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.FastlyHttpDownstream;
import io.github.computejava.abi.FastlyStatus;

/**
 * {@code fastly_http_downstream}: what is known about a client request, and request reuse ({@code next_request}).
 * {@code downstream_visits_this_service} and {@code downstream_visits_this_pop} are not implemented (the table
 * answers {@code unsupported}).
 */
final class HttpDownstreamImports implements ImportGroup {
    private static final String M = "fastly_http_downstream";

    @Override
    public void register(Registrar r) {
        // next_request(options_mask: next_request_options_mask, options: ptr next_request_options)
        //   -> (status, request_promise_handle)
        r.add(M, "next_request", (g, a) -> {
            int mask = i32(a, 0);
            long timeout = (mask & FastlyHttpDownstream.NEXT_REQUEST_OPTIONS_TIMEOUT) != 0
                    ? g.memory().u64(i32(a, 1))
                    : 0;
            return g.u32Out(i32(a, 2), out -> calls(g).nextRequest(mask, timeout, out));
        });

        // next_request_wait(handle: request_promise_handle) -> (status, request_handle, body_handle)
        r.add(M, "next_request_wait", (g, a) -> {
            g.memory().checkU32(i32(a, 1));
            g.memory().checkU32(i32(a, 2));
            int[] req = new int[1];
            int[] body = new int[1];
            int status = calls(g).nextRequestWait(i32(a, 0), req, body);
            if (status == FastlyStatus.OK) {
                g.memory().u32(i32(a, 1), req[0]);
                g.memory().u32(i32(a, 2), body[0]);
            }
            return status;
        });

        // next_request_abandon(handle: request_promise_handle) -> status
        r.add(M, "next_request_abandon", (g, a) -> calls(g).nextRequestAbandon(i32(a, 0)));

        // downstream_original_header_names(req, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
        r.add(
                M,
                "downstream_original_header_names",
                (g, a) -> g.multi(
                        i32(a, 1), i32(a, 2), i32(a, 3), i32(a, 4), i32(a, 5), (buf, len, cursor, end, n) -> calls(g)
                                .downstreamOriginalHeaderNames(i32(a, 0), buf, len, cursor, end, n)));

        // downstream_client_ip_addr(req, addr_octets_out: ptr char8 [16]) -> (status, num_bytes)
        r.add(
                M,
                "downstream_client_ip_addr",
                (g, a) -> g.address(
                        i32(a, 1), i32(a, 2), (octets, n) -> calls(g).downstreamClientIpAddr(i32(a, 0), octets, n)));

        // downstream_server_ip_addr(req, addr_octets_out: ptr char8 [16]) -> (status, num_bytes)
        r.add(
                M,
                "downstream_server_ip_addr",
                (g, a) -> g.address(
                        i32(a, 1), i32(a, 2), (octets, n) -> calls(g).downstreamServerIpAddr(i32(a, 0), octets, n)));

        // downstream_tls_ja3_md5(req, cja3_md5_out: ptr char8 [16]) -> (status, num_bytes)
        r.add(
                M,
                "downstream_tls_ja3_md5",
                (g, a) -> g.address(
                        i32(a, 1), i32(a, 2), (octets, n) -> calls(g).downstreamTlsJa3Md5(i32(a, 0), octets, n)));

        // downstream_client_h2_fingerprint(req, h2fp_out, h2fp_max_len, nwritten_out) -> status
        r.add(
                M,
                "downstream_client_h2_fingerprint",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> calls(g)
                        .downstreamClientH2Fingerprint(i32(a, 0), buf, len, n)));

        // downstream_client_request_id(req, reqid_out, reqid_max_len, nwritten_out) -> status
        r.add(
                M,
                "downstream_client_request_id",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> calls(g).downstreamClientRequestId(
                                i32(a, 0), buf, len, n)));

        // downstream_client_oh_fingerprint(req, ohfp_out, ohfp_max_len, nwritten_out) -> status
        r.add(
                M,
                "downstream_client_oh_fingerprint",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> calls(g)
                        .downstreamClientOhFingerprint(i32(a, 0), buf, len, n)));

        // downstream_tls_cipher_openssl_name(req, cipher_out, cipher_max_len, nwritten_out) -> status
        r.add(
                M,
                "downstream_tls_cipher_openssl_name",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> calls(g)
                        .downstreamTlsCipherOpensslName(i32(a, 0), buf, len, n)));

        // downstream_tls_protocol(req, protocol_out, protocol_max_len, nwritten_out) -> status
        r.add(
                M,
                "downstream_tls_protocol",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> calls(g).downstreamTlsProtocol(
                                i32(a, 0), buf, len, n)));

        // downstream_tls_client_hello(req, chello_out, chello_max_len, nwritten_out) -> status
        r.add(
                M,
                "downstream_tls_client_hello",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> calls(g).downstreamTlsClientHello(
                                i32(a, 0), buf, len, n)));

        // downstream_tls_raw_client_certificate(req, raw_client_cert_out, raw_client_cert_max_len, nwritten_out) ->
        // status
        r.add(
                M,
                "downstream_tls_raw_client_certificate",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> calls(g)
                        .downstreamTlsRawClientCertificate(i32(a, 0), buf, len, n)));

        // downstream_tls_client_servername(req, tls_sni_out, tls_sni_max_len, nwritten_out) -> status
        r.add(
                M,
                "downstream_tls_client_servername",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> calls(g)
                        .downstreamTlsClientServername(i32(a, 0), buf, len, n)));

        // downstream_tls_ja4(req, ja4_out, ja4_max_len, nwritten_out) -> status
        r.add(
                M,
                "downstream_tls_ja4",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> calls(g).downstreamTlsJa4(
                                i32(a, 0), buf, len, n)));

        // downstream_compliance_region(req, region_out, region_max_len, nwritten_out) -> status
        r.add(
                M,
                "downstream_compliance_region",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> calls(g).downstreamComplianceRegion(
                                i32(a, 0), buf, len, n)));

        // downstream_bot_name(req, bot_name_out, bot_name_max_len, nwritten_out) -> status
        r.add(
                M,
                "downstream_bot_name",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> calls(g).downstreamBotName(
                                i32(a, 0), buf, len, n)));

        // downstream_bot_category(req, bot_category_out, bot_category_max_len, nwritten_out) -> status
        r.add(
                M,
                "downstream_bot_category",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> calls(g).downstreamBotCategory(
                                i32(a, 0), buf, len, n)));

        // downstream_resvpnproxy_vpn_service_name(req, vpn_service_name_out, vpn_service_name_max_len, nwritten_out) ->
        // status
        r.add(
                M,
                "downstream_resvpnproxy_vpn_service_name",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> calls(g)
                        .downstreamResvpnproxyVpnServiceName(i32(a, 0), buf, len, n)));

        // downstream_original_header_count(req) -> (status, header_count)
        r.add(
                M,
                "downstream_original_header_count",
                (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).downstreamOriginalHeaderCount(i32(a, 0), out)));

        // downstream_client_ddos_detected(req) -> (status, ddos_detected)
        r.add(
                M,
                "downstream_client_ddos_detected",
                (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).downstreamClientDdosDetected(i32(a, 0), out)));

        // downstream_tls_client_cert_verify_result(req) -> (status, client_cert_verify_result)
        r.add(
                M,
                "downstream_tls_client_cert_verify_result",
                (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).downstreamTlsClientCertVerifyResult(i32(a, 0), out)));

        // fastly_key_is_valid(req) -> (status, is_valid)
        r.add(
                M,
                "fastly_key_is_valid",
                (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).fastlyKeyIsValid(i32(a, 0), out)));

        // downstream_bot_analyzed(req) -> (status, bot_analyzed)
        r.add(
                M,
                "downstream_bot_analyzed",
                (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).downstreamBotAnalyzed(i32(a, 0), out)));

        // downstream_bot_detected(req) -> (status, bot_detected)
        r.add(
                M,
                "downstream_bot_detected",
                (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).downstreamBotDetected(i32(a, 0), out)));

        // downstream_bot_category_kind(req) -> (status, bot_category_kind)
        r.add(
                M,
                "downstream_bot_category_kind",
                (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).downstreamBotCategoryKind(i32(a, 0), out)));

        // downstream_bot_verified(req) -> (status, bot_verified)
        r.add(
                M,
                "downstream_bot_verified",
                (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).downstreamBotVerified(i32(a, 0), out)));

        // downstream_resvpnproxy_is_anonymous(req) -> (status, resvpnproxy_is_anonymous)
        r.add(
                M,
                "downstream_resvpnproxy_is_anonymous",
                (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).downstreamResvpnproxyIsAnonymous(i32(a, 0), out)));

        // downstream_resvpnproxy_is_anonymous_vpn(req) -> (status, resvpnproxy_is_anonymous_vpn)
        r.add(
                M,
                "downstream_resvpnproxy_is_anonymous_vpn",
                (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).downstreamResvpnproxyIsAnonymousVpn(i32(a, 0), out)));

        // downstream_resvpnproxy_is_hosting_provider(req) -> (status, resvpnproxy_is_hosting_provider)
        r.add(
                M,
                "downstream_resvpnproxy_is_hosting_provider",
                (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).downstreamResvpnproxyIsHostingProvider(i32(a, 0), out)));

        // downstream_resvpnproxy_is_proxy_over_vpn(req) -> (status, resvpnproxy_is_proxy_over_vpn)
        r.add(
                M,
                "downstream_resvpnproxy_is_proxy_over_vpn",
                (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).downstreamResvpnproxyIsProxyOverVpn(i32(a, 0), out)));

        // downstream_resvpnproxy_is_public_proxy(req) -> (status, resvpnproxy_is_public_proxy)
        r.add(
                M,
                "downstream_resvpnproxy_is_public_proxy",
                (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).downstreamResvpnproxyIsPublicProxy(i32(a, 0), out)));

        // downstream_resvpnproxy_is_relay_proxy(req) -> (status, resvpnproxy_is_relay_proxy)
        r.add(
                M,
                "downstream_resvpnproxy_is_relay_proxy",
                (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).downstreamResvpnproxyIsRelayProxy(i32(a, 0), out)));

        // downstream_resvpnproxy_is_residential_proxy(req) -> (status, resvpnproxy_is_residential_proxy)
        r.add(
                M,
                "downstream_resvpnproxy_is_residential_proxy",
                (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).downstreamResvpnproxyIsResidentialProxy(i32(a, 0), out)));

        // downstream_resvpnproxy_is_smart_dns_proxy(req) -> (status, resvpnproxy_is_smart_dns_proxy)
        r.add(
                M,
                "downstream_resvpnproxy_is_smart_dns_proxy",
                (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).downstreamResvpnproxyIsSmartDnsProxy(i32(a, 0), out)));

        // downstream_resvpnproxy_is_tor_exit_node(req) -> (status, resvpnproxy_is_tor_exit_node)
        r.add(
                M,
                "downstream_resvpnproxy_is_tor_exit_node",
                (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).downstreamResvpnproxyIsTorExitNode(i32(a, 0), out)));

        // downstream_resvpnproxy_is_vpn_datacenter(req) -> (status, resvpnproxy_is_vpn_datacenter)
        r.add(
                M,
                "downstream_resvpnproxy_is_vpn_datacenter",
                (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).downstreamResvpnproxyIsVpnDatacenter(i32(a, 0), out)));
    }

    private static FastlyHttpDownstream calls(Guest g) {
        return g.sandbox().httpDownstream();
    }
}
