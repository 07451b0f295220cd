package io.github.computejava.host;

import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.Sandbox.HostResponse;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The {@code fastly_http_resp} hostcalls of a sandbox beyond {@link io.github.computejava.abi.Hostcalls}.
 * Methods follow the conventions of {@code Hostcalls}.
 */
public final class ResponseHostcalls {
    private final Sandbox sandbox;
    private final HandleTable handles;

    ResponseHostcalls(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.handles = sandbox.handles();
    }

    /** {@code header_value_get}: the first value of a response header; {@code none} when absent. */
    public int headerValueGet(int resp, byte[] name, byte[] buf, int len, int[] nwrittenOut) {
        return HeadCalls.valueGet(HeadCalls.headers(sandbox.responseHead(resp)), name, buf, len, nwrittenOut);
    }

    /** {@code version_get}. */
    public int versionGet(int resp, int[] versionOut) {
        return HeadCalls.versionGet(sandbox.responseHead(resp), versionOut);
    }

    /** {@code version_set}: {@code inval} outside the {@code http_version} enum. */
    public int versionSet(int resp, int version) {
        return HeadCalls.versionSet(sandbox.responseHead(resp), version);
    }

    /** {@code http_keepalive_mode_set}: accepted (0 automatic, 1 no keepalive); the local server decides. */
    public int keepaliveModeSet(int resp, int mode) {
        HostResponse r = handles.get(resp, HostResponse.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        return mode == 0 || mode == 1 ? FastlyStatus.OK : FastlyStatus.INVAL;
    }

    /** {@code get_addr_dest_ip}: the backend's address for a backend response; {@code none} otherwise. */
    public int destinationIp(int resp, byte[] octets16, int[] nwrittenOut) {
        HostResponse r = handles.get(resp, HostResponse.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        Optional<InetAddress> address = backendAddress(r);
        if (address.isEmpty()) {
            return FastlyStatus.NONE;
        }
        byte[] ip = address.get().getAddress();
        System.arraycopy(ip, 0, octets16, 0, ip.length);
        nwrittenOut[0] = ip.length;
        return FastlyStatus.OK;
    }

    /** {@code get_addr_dest_port}: the backend's port for a backend response; {@code none} otherwise. */
    public int destinationPort(int resp, int[] portOut) {
        HostResponse r = handles.get(resp, HostResponse.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        Backend b = r.backend == null ? null : sandbox.engine().backend(r.backend);
        if (b == null || b.url().isEmpty()) {
            return FastlyStatus.NONE;
        }
        URI url = b.url().get();
        portOut[0] = url.getPort() >= 0 ? url.getPort() : b.ssl() ? 443 : 80;
        return FastlyStatus.OK;
    }

    /** {@code send_downstream_pending}: see {@link RequestHostcalls#sendDownstreamPending}. */
    public int sendDownstreamPending(int pending) {
        return sandbox.request().sendDownstreamPending(pending);
    }

    private Optional<InetAddress> backendAddress(HostResponse r) {
        Backend b = r.backend == null ? null : sandbox.engine().backend(r.backend);
        if (b == null || b.url().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(b.url().get().getHost()));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
