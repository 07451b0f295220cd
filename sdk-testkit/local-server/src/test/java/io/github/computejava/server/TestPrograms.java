package io.github.computejava.server;

import java.nio.charset.StandardCharsets;

/**
 * Small Compute programs for the server's tests, assembled from instructions. Memory layout: out-parameters at
 * 0..63 (0 response, 4 body, 8 count, 12 request, 16 request body, 20 scratch), texts from 1024, buffers from 4096.
 */
final class TestPrograms {
    static final int RESP = 0;
    static final int BODY = 4;
    static final int COUNT = 8;
    static final int REQ = 12;
    static final int REQ_BODY = 16;
    static final int SCRATCH = 20;
    static final int TEXT = 1024;
    static final int HEADER_NAME = 1536;
    static final int BUFFER = 4096;

    private TestPrograms() {}

    /** Imports every hostcall the programs use, in a fixed order. */
    private static final class Calls {
        final int respNew;
        final int bodyNew;
        final int bodyWrite;
        final int bodyRead;
        final int bodyClose;
        final int sendDownstream;
        final int statusSet;
        final int downstreamGet;
        final int headerValueGet;
        final int procExit;
        final int nextRequest;
        final int nextRequestWait;

        Calls(WasmAssembler a) {
            respNew = a.importFunction("fastly_http_resp", "new", 1, true);
            bodyNew = a.importFunction("fastly_http_body", "new", 1, true);
            bodyWrite = a.importFunction("fastly_http_body", "write", 5, true);
            bodyRead = a.importFunction("fastly_http_body", "read", 4, true);
            bodyClose = a.importFunction("fastly_http_body", "close", 1, true);
            sendDownstream = a.importFunction("fastly_http_resp", "send_downstream", 3, true);
            statusSet = a.importFunction("fastly_http_resp", "status_set", 2, true);
            downstreamGet = a.importFunction("fastly_http_req", "body_downstream_get", 2, true);
            headerValueGet = a.importFunction("fastly_http_req", "header_value_get", 6, true);
            procExit = a.importFunction("wasi_snapshot_preview1", "proc_exit", 1, false);
            nextRequest = a.importFunction("fastly_http_downstream", "next_request", 3, true);
            nextRequestWait = a.importFunction("fastly_http_downstream", "next_request_wait", 3, true);
        }

        /** Creates a response and a body, writes the text at TEXT into it and sends both. */
        void respond(WasmAssembler.Code c, int status, int textLength) {
            c.i32(RESP).call(respNew).drop();
            c.i32(RESP).load().i32(status).call(statusSet).drop();
            c.i32(BODY).call(bodyNew).drop();
            c.i32(BODY)
                    .load()
                    .i32(TEXT)
                    .i32(textLength)
                    .i32(0)
                    .i32(COUNT)
                    .call(bodyWrite)
                    .drop();
            c.i32(RESP).load().i32(BODY).load().i32(0).call(sendDownstream).drop();
        }
    }

    /** Answers every request with {@code status} and {@code text}. */
    static byte[] respond(int status, String text) {
        WasmAssembler a = new WasmAssembler();
        Calls calls = new Calls(a);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        a.data(TEXT, bytes);
        a.start(0, c -> calls.respond(c, status, bytes.length));
        return a.build();
    }

    /** Traps (before responding) when the request has an {@code X-Trap} header; otherwise answers "ok". */
    static byte[] trapOnHeader() {
        WasmAssembler a = new WasmAssembler();
        Calls calls = new Calls(a);
        a.data(TEXT, "ok");
        a.data(HEADER_NAME, "x-trap");
        a.start(0, c -> {
            c.i32(REQ).i32(REQ_BODY).call(calls.downstreamGet).drop();
            c.i32(REQ).load().i32(HEADER_NAME).i32(6).i32(BUFFER).i32(256).i32(COUNT);
            c.call(calls.headerValueGet).eqz().ifThen(t -> t.unreachable());
            calls.respond(c, 200, 2);
        });
        return a.build();
    }

    /** Exits with {@code code} through WASI without responding. */
    static byte[] exit(int code) {
        WasmAssembler a = new WasmAssembler();
        Calls calls = new Calls(a);
        a.start(0, c -> c.i32(code).call(calls.procExit));
        return a.build();
    }

    /** Returns from {@code _start} without responding. */
    static byte[] silent() {
        WasmAssembler a = new WasmAssembler();
        new Calls(a);
        a.start(0, c -> {});
        return a.build();
    }

    /**
     * Writes from a pointer outside its memory, then answers with status 400 + the status the write returned (402
     * for {@code inval}).
     */
    static byte[] badPointer() {
        WasmAssembler a = new WasmAssembler();
        Calls calls = new Calls(a);
        a.start(0, c -> {
            c.i32(BODY).call(calls.bodyNew).drop();
            c.i32(SCRATCH);
            c.i32(BODY).load().i32(0x7FFF0000).i32(100).i32(0).i32(COUNT).call(calls.bodyWrite);
            c.store();
            c.i32(RESP).call(calls.respNew).drop();
            c.i32(RESP)
                    .load()
                    .i32(SCRATCH)
                    .load()
                    .i32(400)
                    .add()
                    .call(calls.statusSet)
                    .drop();
            c.i32(RESP)
                    .load()
                    .i32(BODY)
                    .load()
                    .i32(0)
                    .call(calls.sendDownstream)
                    .drop();
        });
        return a.build();
    }

    /**
     * Serves requests in one instance: asks for the next request before answering the current one, and answers
     * each with status 200 + the number of requests this instance has served, until no request comes.
     */
    static byte[] reusing() {
        int counter = 60;
        int promise = 24;
        WasmAssembler a = new WasmAssembler();
        Calls calls = new Calls(a);
        a.data(TEXT, "reused");
        a.start(
                0,
                c -> c.loop(l -> {
                    l.i32(0).i32(0).i32(promise).call(calls.nextRequest).drop();
                    l.i32(counter).i32(counter).load().i32(1).add().store();
                    l.i32(RESP).call(calls.respNew).drop();
                    l.i32(RESP)
                            .load()
                            .i32(counter)
                            .load()
                            .i32(200)
                            .add()
                            .call(calls.statusSet)
                            .drop();
                    l.i32(BODY).call(calls.bodyNew).drop();
                    l.i32(BODY)
                            .load()
                            .i32(TEXT)
                            .i32(6)
                            .i32(0)
                            .i32(COUNT)
                            .call(calls.bodyWrite)
                            .drop();
                    l.i32(RESP)
                            .load()
                            .i32(BODY)
                            .load()
                            .i32(0)
                            .call(calls.sendDownstream)
                            .drop();
                    l.i32(promise).load().i32(REQ).i32(REQ_BODY).call(calls.nextRequestWait);
                    l.i32(0).ne().breakIf();
                    l.continueLoop();
                }));
        return a.build();
    }

    /**
     * Copies the request's {@code X-Relay} header (up to 120 000 bytes) twice into its response as {@code
     * X-Relayed}, and answers 200 "ok": a program whose response headers are twice as large as its request's.
     */
    static byte[] relayHeaderTwice() {
        int relayed = HEADER_NAME + 16;
        WasmAssembler a = new WasmAssembler();
        Calls calls = new Calls(a);
        int headerAppend = a.importFunction("fastly_http_resp", "header_append", 5, true);
        a.memoryPages(2);
        a.data(TEXT, "ok");
        a.data(HEADER_NAME, "x-relay");
        a.data(relayed, "x-relayed");
        a.start(0, c -> {
            c.i32(REQ).i32(REQ_BODY).call(calls.downstreamGet).drop();
            c.i32(REQ).load().i32(HEADER_NAME).i32(7).i32(BUFFER).i32(120_000).i32(COUNT);
            c.call(calls.headerValueGet).drop();
            c.i32(RESP).call(calls.respNew).drop();
            c.i32(RESP).load().i32(200).call(calls.statusSet).drop();
            for (int i = 0; i < 2; i++) {
                c.i32(RESP)
                        .load()
                        .i32(relayed)
                        .i32(9)
                        .i32(BUFFER)
                        .i32(COUNT)
                        .load()
                        .call(headerAppend)
                        .drop();
            }
            c.i32(BODY).call(calls.bodyNew).drop();
            c.i32(BODY)
                    .load()
                    .i32(TEXT)
                    .i32(2)
                    .i32(0)
                    .i32(SCRATCH)
                    .call(calls.bodyWrite)
                    .drop();
            c.i32(RESP)
                    .load()
                    .i32(BODY)
                    .load()
                    .i32(0)
                    .call(calls.sendDownstream)
                    .drop();
        });
        return a.build();
    }

    /** Streams the request body back as it arrives: a streaming response fed by a read/write loop. */
    static byte[] echo() {
        WasmAssembler a = new WasmAssembler();
        Calls calls = new Calls(a);
        a.memoryPages(2);
        a.start(0, c -> {
            c.i32(REQ).i32(REQ_BODY).call(calls.downstreamGet).drop();
            c.i32(RESP).call(calls.respNew).drop();
            c.i32(BODY).call(calls.bodyNew).drop();
            c.i32(RESP)
                    .load()
                    .i32(BODY)
                    .load()
                    .i32(1)
                    .call(calls.sendDownstream)
                    .drop();
            c.loop(l -> {
                l.i32(REQ_BODY).load().i32(BUFFER).i32(32768).i32(COUNT).call(calls.bodyRead);
                l.i32(0).ne().breakIf();
                l.i32(COUNT).load().eqz().breakIf();
                l.i32(BODY)
                        .load()
                        .i32(BUFFER)
                        .i32(COUNT)
                        .load()
                        .i32(0)
                        .i32(SCRATCH)
                        .call(calls.bodyWrite);
                l.drop();
                l.continueLoop();
            });
            c.i32(BODY).load().call(calls.bodyClose).drop();
        });
        return a.build();
    }

    /** Reads the request body to its end, trapping if a read fails, then answers 200 "ok". */
    static byte[] readBodyThenRespond() {
        WasmAssembler a = new WasmAssembler();
        Calls calls = new Calls(a);
        a.memoryPages(2);
        a.data(TEXT, "ok");
        a.start(0, c -> {
            c.i32(REQ).i32(REQ_BODY).call(calls.downstreamGet).drop();
            c.loop(l -> {
                l.i32(REQ_BODY).load().i32(BUFFER).i32(32768).i32(COUNT).call(calls.bodyRead);
                l.i32(0).ne().ifThen(t -> t.unreachable());
                l.i32(COUNT).load().eqz().breakIf();
                l.continueLoop();
            });
            calls.respond(c, 200, 2);
        });
        return a.build();
    }

    /** Answers 200 with the request's URL and its Host header on two lines. */
    static byte[] reportUrlAndHost() {
        int lineBreak = HEADER_NAME + 16;
        int url = BUFFER;
        int host = BUFFER + 2048;
        WasmAssembler a = new WasmAssembler();
        Calls calls = new Calls(a);
        int uriGet = a.importFunction("fastly_http_req", "uri_get", 4, true);
        a.data(HEADER_NAME, "host");
        a.data(lineBreak, "\n");
        a.start(0, c -> {
            c.i32(REQ).i32(REQ_BODY).call(calls.downstreamGet).drop();
            c.i32(BODY).call(calls.bodyNew).drop();
            c.i32(REQ).load().i32(url).i32(2048).i32(COUNT).call(uriGet).drop();
            c.i32(BODY)
                    .load()
                    .i32(url)
                    .i32(COUNT)
                    .load()
                    .i32(0)
                    .i32(SCRATCH)
                    .call(calls.bodyWrite)
                    .drop();
            c.i32(BODY)
                    .load()
                    .i32(lineBreak)
                    .i32(1)
                    .i32(0)
                    .i32(SCRATCH)
                    .call(calls.bodyWrite)
                    .drop();
            c.i32(COUNT).i32(0).store();
            c.i32(REQ).load().i32(HEADER_NAME).i32(4).i32(host).i32(2048).i32(COUNT);
            c.call(calls.headerValueGet).drop();
            c.i32(BODY)
                    .load()
                    .i32(host)
                    .i32(COUNT)
                    .load()
                    .i32(0)
                    .i32(SCRATCH)
                    .call(calls.bodyWrite)
                    .drop();
            c.i32(RESP).call(calls.respNew).drop();
            c.i32(RESP).load().i32(200).call(calls.statusSet).drop();
            c.i32(RESP)
                    .load()
                    .i32(BODY)
                    .load()
                    .i32(0)
                    .call(calls.sendDownstream)
                    .drop();
        });
        return a.build();
    }

    /**
     * Logs {@code "<label> proxying"} to the endpoint {@code requests} and {@code "<label> on stdout"} to standard
     * output, then sends the client request to the backend {@code origin} (through the readthrough cache) and passes
     * its response on: a caching proxy whose answers name which program gave them.
     */
    static byte[] loggingProxy(String label) {
        WasmAssembler a = new WasmAssembler();
        Calls calls = new Calls(a);
        int send = a.importFunction("fastly_http_req", "send", 6, true);
        int endpointGet = a.importFunction("fastly_log", "endpoint_get", 3, true);
        int logWrite = a.importFunction("fastly_log", "write", 4, true);
        int fdWrite = a.importFunction("wasi_snapshot_preview1", "fd_write", 4, true);
        byte[] endpoint = "requests".getBytes(StandardCharsets.UTF_8);
        byte[] backend = "origin".getBytes(StandardCharsets.UTF_8);
        byte[] logLine = (label + " proxying").getBytes(StandardCharsets.UTF_8);
        byte[] stdoutLine = (label + " on stdout\n").getBytes(StandardCharsets.UTF_8);
        int endpointAt = TEXT;
        int backendAt = TEXT + 64;
        int logAt = TEXT + 128;
        int stdoutAt = TEXT + 256;
        int iovec = TEXT + 384;
        a.memoryPages(2);
        a.data(endpointAt, endpoint);
        a.data(backendAt, backend);
        a.data(logAt, logLine);
        a.data(stdoutAt, stdoutLine);
        a.data(iovec, new byte[] {(byte) stdoutAt, (byte) (stdoutAt >> 8), 0, 0, (byte) stdoutLine.length, 0, 0, 0});
        a.start(0, c -> {
            c.i32(REQ).i32(REQ_BODY).call(calls.downstreamGet).drop();
            c.i32(endpointAt)
                    .i32(endpoint.length)
                    .i32(SCRATCH)
                    .call(endpointGet)
                    .drop();
            c.i32(SCRATCH)
                    .load()
                    .i32(logAt)
                    .i32(logLine.length)
                    .i32(COUNT)
                    .call(logWrite)
                    .drop();
            c.i32(1).i32(iovec).i32(1).i32(COUNT).call(fdWrite).drop();
            c.i32(REQ)
                    .load()
                    .i32(REQ_BODY)
                    .load()
                    .i32(backendAt)
                    .i32(backend.length)
                    .i32(RESP)
                    .i32(BODY)
                    .call(send)
                    .drop();
            c.i32(RESP)
                    .load()
                    .i32(BODY)
                    .load()
                    .i32(0)
                    .call(calls.sendDownstream)
                    .drop();
        });
        return a.build();
    }
}
