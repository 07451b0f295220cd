package io.github.computejava.host;

import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.abi.FastlyHttpResp;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.Sandbox.HostResponse;
import io.github.computejava.host.Sandbox.PendingRequest;
import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.ResponseHead;
import io.github.computejava.host.http.UpstreamResponse;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * {@code fastly_http_resp}: responses, and answering the client with one (whole, streaming, or a pending
 * request's when it arrives).
 */
final class HttpRespHost implements FastlyHttpResp {
    /** {@code 103 Early Hints}, the one informational status a program may send ({@code send_downstream}). */
    static final int EARLY_HINTS = 103;

    private final Sandbox sandbox;
    private final HandleTable handles;

    HttpRespHost(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.handles = sandbox.handles();
    }

    @Override
    public int new_(int[] respOut) {
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        respOut[0] = handles.add(new HostResponse(new ResponseHead()));
        return FastlyStatus.OK;
    }

    @Override
    public int close(int resp) {
        return handles.take(resp, HostResponse.class) == null ? FastlyStatus.BADF : FastlyStatus.OK;
    }

    @Override
    public int statusGet(int resp, int[] statusOut) {
        HostResponse r = handles.get(resp, HostResponse.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        statusOut[0] = r.head.status();
        return FastlyStatus.OK;
    }

    /** {@code status_set}: {@code httpinvalidstatus} outside 100 to 999. */
    @Override
    public int statusSet(int resp, int status) {
        HostResponse r = handles.get(resp, HostResponse.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        if (status < 100 || status > 999) {
            return FastlyStatus.HTTPINVALIDSTATUS;
        }
        r.head.status(status);
        return FastlyStatus.OK;
    }

    @Override
    public int headerNamesGet(int resp, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
        return Heads.namesGet(headers(resp), buf, len, cursor, endingCursorOut, nwrittenOut);
    }

    @Override
    public int headerValuesGet(
            int resp, byte[] name, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
        return Heads.valuesGet(headers(resp), name, buf, len, cursor, endingCursorOut, nwrittenOut);
    }

    @Override
    public int headerValuesSet(int resp, byte[] name, byte[] values, int valuesLen) {
        return Heads.valuesSet(headers(resp), name, values, valuesLen);
    }

    @Override
    public int headerInsert(int resp, byte[] name, byte[] value) {
        return Heads.insert(headers(resp), name, value, false);
    }

    @Override
    public int headerAppend(int resp, byte[] name, byte[] value) {
        return Heads.insert(headers(resp), name, value, true);
    }

    @Override
    public int headerRemove(int resp, byte[] name) {
        return Heads.remove(headers(resp), name);
    }

    /**
     * {@code send_downstream}: answers the client, once; {@code error} when it already has its response. A
     * streaming body stays with the program, which keeps writing it and closes it to finish.
     */
    @Override
    public int sendDownstream(int resp, int body, int streaming) {
        HostResponse r = handles.get(resp, HostResponse.class);
        BodyBuffer b = handles.get(body, BodyBuffer.class);
        if (r == null || b == null) {
            return FastlyStatus.BADF;
        }
        if (r.head.status() == EARLY_HINTS) {
            // an interim head, sent as many times as the program likes before the final one; both handles stay
            // the program's (Fastly's Go SDK sends its final response on them afterwards)
            return sandbox.sendEarlyHints(r.head) ? FastlyStatus.OK : FastlyStatus.ERROR;
        }
        if (r.head.status() < 200) {
            // no other informational status reaches a client from a program
            return FastlyStatus.INVAL;
        }
        if (!sandbox.markResponded()) {
            return FastlyStatus.ERROR;
        }
        handles.remove(resp);
        if (streaming != 0) {
            b.startStreaming();
        } else {
            handles.remove(body);
            b.close();
        }
        sandbox.respondToClient(r.head, b, streaming != 0);
        return FastlyStatus.OK;
    }

    @Override
    public int framingHeadersModeSet(int resp, int mode) {
        return Heads.framingModeSet(sandbox.responseHead(resp), mode);
    }

    /** {@code header_value_get}: the first value of a response header; {@code none} when absent. */
    @Override
    public int headerValueGet(int resp, byte[] name, byte[] buf, int len, int[] nwrittenOut) {
        return Heads.valueGet(headers(resp), name, buf, len, nwrittenOut);
    }

    @Override
    public int versionGet(int resp, int[] versionOut) {
        return Heads.versionGet(sandbox.responseHead(resp), versionOut);
    }

    /** {@code version_set}: {@code inval} outside the {@code http_version} enum. */
    @Override
    public int versionSet(int resp, int version) {
        return Heads.versionSet(sandbox.responseHead(resp), version);
    }

    /** {@code http_keepalive_mode_set}: accepted (0 automatic, 1 no keepalive); the local server decides. */
    @Override
    public int httpKeepaliveModeSet(int resp, int mode) {
        HostResponse r = handles.get(resp, HostResponse.class);
        if (r == null) {
            return FastlyStatus.BADF;
        }
        return mode == KEEPALIVE_AUTOMATIC || mode == KEEPALIVE_NONE ? FastlyStatus.OK : FastlyStatus.INVAL;
    }

    /** {@code get_addr_dest_ip}: the backend's address for a backend response; {@code none} otherwise. */
    @Override
    public int getAddrDestIp(int resp, byte[] octets16, int[] nwrittenOut) {
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
    @Override
    public int getAddrDestPort(int resp, int[] portOut) {
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

    /**
     * {@code send_downstream_pending}: answers the client with a pending request's response
     * once it arrives (a 503 if it fails), after applying the queued header edits.
     */
    @Override
    public int sendDownstreamPending(int pending) {
        PendingRequest p = handles.get(pending, PendingRequest.class);
        if (p == null) {
            return FastlyStatus.BADF;
        }
        if (!sandbox.markResponded()) {
            return FastlyStatus.ERROR;
        }
        handles.remove(pending);
        ResponseHead head;
        BodyBuffer body;
        boolean failed = false;
        try {
            UpstreamResponse response = sandbox.httpReqHost().decompress(p.future.get(), p.autoDecompress);
            head = response.head();
            body = response.body();
        } catch (ExecutionException e) {
            head = new ResponseHead(503, new HeaderList());
            body = BodyBuffer.of(new byte[0]);
            failed = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FastlyStatus.ERROR;
        }
        for (String[] edit : p.headerEdits) {
            int kind = Integer.parseInt(edit[0]);
            if (kind == FastlyHttpReq.PENDING_ANY || (kind == FastlyHttpReq.PENDING_ERROR) == failed) {
                HttpReqHost.applyEdit(head.headers(), edit[1], edit[2], edit[3]);
            }
        }
        sandbox.respondToClient(head, body, false);
        return FastlyStatus.OK;
    }

    private HeaderList headers(int resp) {
        return Heads.headers(sandbox.responseHead(resp));
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
