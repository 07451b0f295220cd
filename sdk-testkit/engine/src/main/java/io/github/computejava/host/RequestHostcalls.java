package io.github.computejava.host;

import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.Sandbox.HostRequest;
import io.github.computejava.host.Sandbox.HostResponse;
import io.github.computejava.host.Sandbox.PendingRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.zip.GZIPInputStream;

/**
 * The {@code fastly_http_req} hostcalls of a sandbox beyond {@link io.github.computejava.abi.Hostcalls}:
 * every way of sending a request (synchronous, asynchronous, streaming, uncached), pending requests (poll,
 * wait, select, queued header edits) and single header values. Every send goes through {@link HostEngine}'s
 * one send path, where the readthrough cache sits. Methods follow the conventions of {@code Hostcalls}.
 */
public final class RequestHostcalls {
    /** {@code pending_response_kind}: apply an edit to any response. */
    public static final int PENDING_ANY = 0;
    /** {@code pending_response_kind}: apply an edit to a backend's response only. */
    public static final int PENDING_RESPONSE = 1;
    /** {@code pending_response_kind}: apply an edit to the synthetic error response only. */
    public static final int PENDING_ERROR = 2;

    private final Sandbox sandbox;
    private final HandleTable handles;

    RequestHostcalls(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.handles = sandbox.handles();
    }

    /**
     * {@code send}, {@code send_v2} and {@code send_v3}: sends a request and waits for the response head.
     *
     * @param errorDetail the guest's {@code send_error_detail} record, or null for {@code send}
     * @param uncached whether to bypass every cache ({@code send_v3})
     * @return {@code ok}; {@code badf} for a bad handle; {@code inval} for an unknown backend; {@code error} when
     *     no response arrived (the detail says why)
     */
    public int send(
            int req, int body, byte[] backend, byte[] errorDetail, int[] respOut, int[] respBodyOut, boolean uncached) {
        HostRequest r = handles.get(req, HostRequest.class);
        BodyBuffer b = handles.get(body, BodyBuffer.class);
        if (r == null || b == null) {
            return FastlyStatus.BADF;
        }
        Backend target = sandbox.engine().backend(Buffers.latin1(backend));
        if (target == null) {
            SendErrorDetails.write(errorDetail, SendFailure.DESTINATION_NOT_FOUND);
            return FastlyStatus.INVAL;
        }
        handles.remove(req);
        handles.remove(body);
        if (!b.isStreaming()) {
            b.close();
        }
        try {
            UpstreamResponse response = sandbox.engine()
                    .send(sandbox, target, r.head.copy(), b, uncached ? CacheOverride.UNCACHED : r.cacheOverride);
            response = decompress(response, r.autoDecompress);
            respOut[0] = handles.add(responseFrom(response, target.name()));
            respBodyOut[0] = handles.add(response.body());
            SendErrorDetails.write(errorDetail, SendFailure.OK);
            return FastlyStatus.OK;
        } catch (SendFailure f) {
            SendErrorDetails.write(errorDetail, f);
            return FastlyStatus.ERROR;
        }
    }

    /**
     * {@code send_async}, {@code send_async_streaming} and {@code send_async_v2}.
     *
     * @param streaming whether the program keeps writing the body (and closes it to finish)
     * @param uncached whether to bypass every cache ({@code send_async_v2})
     * @return {@code ok}; {@code badf} for a bad handle; {@code inval} for an unknown backend
     */
    public int sendAsync(int req, int body, byte[] backend, boolean streaming, boolean uncached, int[] pendingOut) {
        HostRequest r = handles.get(req, HostRequest.class);
        BodyBuffer b = handles.get(body, BodyBuffer.class);
        if (r == null || b == null) {
            return FastlyStatus.BADF;
        }
        Backend target = sandbox.engine().backend(Buffers.latin1(backend));
        if (target == null) {
            return FastlyStatus.INVAL;
        }
        handles.remove(req);
        if (streaming) {
            // the body handle stays with the program, which keeps writing it and closes it to finish
            b.startStreaming();
        } else {
            handles.remove(body);
            if (!b.isStreaming()) {
                b.close();
            }
        }
        CacheOverride override = uncached ? CacheOverride.UNCACHED : r.cacheOverride;
        AsyncSend send = sandbox.engine().sendAsync(sandbox, target, r.head.copy(), b, override);
        PendingRequest pending = new PendingRequest(send, target.name());
        pending.autoDecompress = r.autoDecompress;
        pendingOut[0] = handles.add(pending);
        AsyncIoHostcalls io = sandbox.asyncIo();
        send.future().whenComplete((resp, failure) -> io.signal());
        return FastlyStatus.OK;
    }

    /**
     * {@code pending_req_wait} and {@code pending_req_wait_v2}: waits for a pending request's response.
     *
     * @param errorDetail the guest's record, or null for the first version
     */
    public int pendingWait(int pending, byte[] errorDetail, int[] respOut, int[] respBodyOut) {
        PendingRequest p = handles.take(pending, PendingRequest.class);
        if (p == null) {
            return FastlyStatus.BADF;
        }
        return complete(p, errorDetail, respOut, respBodyOut);
    }

    /**
     * {@code pending_req_poll} and {@code pending_req_poll_v2}: the response if it is ready. When not done,
     * {@code doneOut} is 0 and the handles are the invalid handle.
     */
    public int pendingPoll(int pending, byte[] errorDetail, int[] doneOut, int[] respOut, int[] respBodyOut) {
        PendingRequest p = handles.get(pending, PendingRequest.class);
        if (p == null) {
            return FastlyStatus.BADF;
        }
        if (!p.future.isDone()) {
            doneOut[0] = 0;
            respOut[0] = FastlyStatus.INVALID_HANDLE;
            respBodyOut[0] = FastlyStatus.INVALID_HANDLE;
            return FastlyStatus.OK;
        }
        handles.remove(pending);
        doneOut[0] = 1;
        return completeDone(p, errorDetail, respOut, respBodyOut);
    }

    /**
     * {@code pending_req_select} and {@code pending_req_select_v2}: waits for the first of several pending
     * requests. The chosen one's index goes to {@code doneIndexOut}; the others stay pending.
     *
     * @return {@code inval} for an empty list, {@code badf} when a handle is not a pending request
     */
    public int pendingSelect(int[] pendings, byte[] errorDetail, int[] doneIndexOut, int[] respOut, int[] respBodyOut) {
        if (pendings.length == 0) {
            return FastlyStatus.INVAL;
        }
        for (int h : pendings) {
            if (handles.get(h, PendingRequest.class) == null) {
                return FastlyStatus.BADF;
            }
        }
        int[] ready = new int[1];
        int status = sandbox.asyncIo().select(pendings, 0, ready);
        if (status != FastlyStatus.OK) {
            return status;
        }
        int index = ready[0];
        PendingRequest p = handles.take(pendings[index], PendingRequest.class);
        doneIndexOut[0] = index;
        return completeDone(p, errorDetail, respOut, respBodyOut);
    }

    /**
     * {@code pending_req_header_insert/append/remove}: queues a header edit for the response {@code
     * send_downstream_pending} will send.
     *
     * @param kind {@link #PENDING_ANY}, {@link #PENDING_RESPONSE} or {@link #PENDING_ERROR}
     * @param op "insert", "append" or "remove"
     * @param value the value, or null for remove
     */
    public int pendingHeaderEdit(int pending, int kind, String op, byte[] name, byte[] value) {
        PendingRequest p = handles.get(pending, PendingRequest.class);
        if (p == null) {
            return FastlyStatus.BADF;
        }
        if (kind < PENDING_ANY || kind > PENDING_ERROR) {
            return FastlyStatus.INVAL;
        }
        String n = Buffers.latin1(name);
        String v = value == null ? "" : Buffers.latin1(value);
        if (!HeaderList.isValidName(n) || !HeaderList.isValidValue(v)) {
            return FastlyStatus.INVAL;
        }
        p.headerEdits.add(new String[] {Integer.toString(kind), op, n, v});
        return FastlyStatus.OK;
    }

    /** {@code header_value_get}: the first value of a request header; {@code none} when absent. */
    public int headerValueGet(int req, byte[] name, byte[] buf, int len, int[] nwrittenOut) {
        return HeadCalls.valueGet(HeadCalls.headers(sandbox.requestHead(req)), name, buf, len, nwrittenOut);
    }

    /** {@code cache_override_set}: the first version, without surrogate keys. */
    public int cacheOverrideSet(int req, int tag, int ttl, int staleWhileRevalidate) {
        return sandbox.reqCacheOverrideV2Set(req, tag, ttl, staleWhileRevalidate, new byte[0]);
    }

    /**
     * {@code fastly_http_resp.send_downstream_pending}: answers the client with a pending request's response
     * once it arrives (a 503 if it fails), after applying the queued header edits.
     */
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
            UpstreamResponse response = decompress(p.future.get(), p.autoDecompress);
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
            if (kind == PENDING_ANY || (kind == PENDING_ERROR) == failed) {
                applyEdit(head.headers, edit[1], edit[2], edit[3]);
            }
        }
        sandbox.responder().respond(head, body, false);
        return FastlyStatus.OK;
    }

    // ---- shared

    /**
     * {@link #complete} for a request that poll or select found done: the first versions of those calls (no
     * {@code errorDetail}) report a failed request as done without handles, and {@code ok}.
     */
    private int completeDone(PendingRequest p, byte[] errorDetail, int[] respOut, int[] respBodyOut) {
        int status = complete(p, errorDetail, respOut, respBodyOut);
        if (status != FastlyStatus.OK && errorDetail == null) {
            respOut[0] = FastlyStatus.INVALID_HANDLE;
            respBodyOut[0] = FastlyStatus.INVALID_HANDLE;
            return FastlyStatus.OK;
        }
        return status;
    }

    private int complete(PendingRequest p, byte[] errorDetail, int[] respOut, int[] respBodyOut) {
        try {
            UpstreamResponse response = decompress(p.future.get(), p.autoDecompress);
            respOut[0] = handles.add(responseFrom(response, p.backend));
            respBodyOut[0] = handles.add(response.body());
            SendErrorDetails.write(errorDetail, SendFailure.OK);
            return FastlyStatus.OK;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SendFailure) {
                SendErrorDetails.write(errorDetail, (SendFailure) cause);
            } else {
                SendErrorDetails.write(errorDetail, SendFailure.INTERNAL_ERROR);
            }
            return FastlyStatus.ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            SendErrorDetails.write(errorDetail, SendFailure.INTERNAL_ERROR);
            return FastlyStatus.ERROR;
        }
    }

    private HostResponse responseFrom(UpstreamResponse response, String backend) {
        HostResponse hr = new HostResponse(response.head());
        hr.backend = backend;
        return hr;
    }

    private static void applyEdit(HeaderList headers, String op, String name, String value) {
        switch (op) {
            case "insert":
                headers.set(name, value);
                break;
            case "append":
                headers.append(name, value);
                break;
            default:
                headers.remove(name);
                break;
        }
    }

    /** Decompresses a gzip response when the program asked for it ({@code auto_decompress_response_set}). */
    private UpstreamResponse decompress(UpstreamResponse response, int encodings) {
        if ((encodings & 1) == 0) {
            return response;
        }
        HeaderList headers = response.head().headers;
        List<String> codings = headers.values("content-encoding");
        if (codings.size() != 1) {
            return response;
        }
        String coding = codings.get(0).trim().toLowerCase(Locale.ROOT);
        if (!coding.equals("gzip") && !coding.equals("x-gzip")) {
            return response;
        }
        ResponseHead head = response.head().copy();
        head.headers.remove("content-encoding");
        head.headers.remove("content-length");
        BodyBuffer inflated = BodyBuffer.incoming(-1);
        BodyBuffer compressed = response.body();
        sandbox.engine().execute(() -> {
            try {
                BodyPump.run(new GZIPInputStream(compressed.asInputStream()), inflated, null);
            } catch (IOException e) {
                inflated.abandon();
            }
        });
        return new UpstreamResponse(head, BodyBuffer.readingFrom(inflated));
    }
}
