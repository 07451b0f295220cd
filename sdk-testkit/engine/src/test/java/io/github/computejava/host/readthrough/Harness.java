package io.github.computejava.host.readthrough;

import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.fsthttp.Compute;
import io.github.computejava.fsthttp.Handler;
import io.github.computejava.fsthttp.Response;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.LoopbackClient;
import io.github.computejava.host.Sandbox;
import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.backend.SendFailure;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.ResponseHead;
import io.github.computejava.host.http.UpstreamResponse;
import io.github.computejava.internal.Host;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test helper: an engine with a virtual clock and a scripted backend {@code origin}, and client requests run
 * through a handler on the JVM door (the SDK over a sandbox). Small on purpose, so the scenarios port to the
 * testkit's public API.
 */
final class Harness implements AutoCloseable {
    static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    /** A scripted origin: answers a request or throws a send failure. */
    @FunctionalInterface
    interface Script {
        UpstreamResponse answer(RequestHead request, byte[] body) throws SendFailure;
    }

    /** What the client got. */
    static final class Reply {
        final int status;
        final HeaderList headers;
        final String body;

        Reply(int status, HeaderList headers, String body) {
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        String header(String name) {
            return headers.first(name);
        }

        @Override
        public String toString() {
            return status + "\n" + headers + "\n" + body;
        }
    }

    final AtomicReference<Instant> now = new AtomicReference<>(START);
    final List<RequestHead> originRequests = new ArrayList<>();
    private volatile Script script = (r, b) -> reply(200, "hello", "Cache-Control", "max-age=60");
    final HostEngine engine;
    private volatile Handler handler = proxy(CacheOptions.DEFAULT);

    Harness() {
        this(HostEngine.builder());
    }

    Harness(HostEngine.Builder builder) {
        InstantSource clock = now::get;
        this.engine = builder.clock(clock)
                .backend(Backend.builder("origin").build())
                .origin((backend, request, body) -> {
                    byte[] bytes;
                    try {
                        bytes = body.readAll();
                    } catch (IOException e) {
                        throw new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_INTERNAL_ERROR, e.toString(), e);
                    }
                    synchronized (originRequests) {
                        originRequests.add(request.copy());
                    }
                    return script.answer(request, bytes);
                })
                .build();
    }

    /** A handler forwarding the client request to {@code origin} with these cache options. */
    static Handler proxy(CacheOptions options) {
        return (request, w) -> {
            request.cacheOptions(options);
            try (Response r = request.send("origin")) {
                w.headers().setAll(r.headers());
                w.status(r.status());
                r.body().transferTo(w.body());
            }
        };
    }

    static UpstreamResponse reply(int status, String body, String... headers) {
        HeaderList h = new HeaderList();
        for (int i = 0; i < headers.length; i += 2) {
            h.append(headers[i], headers[i + 1]);
        }
        return new UpstreamResponse(new ResponseHead(status, h), BodyBuffer.of(body.getBytes(StandardCharsets.UTF_8)));
    }

    Harness origin(Script s) {
        this.script = s;
        return this;
    }

    Harness handler(Handler h) {
        this.handler = h;
        return this;
    }

    Harness cacheOptions(CacheOptions options) {
        return handler(proxy(options));
    }

    void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    void advanceSeconds(long s) {
        advance(Duration.ofSeconds(s));
    }

    int originCount() {
        synchronized (originRequests) {
            return originRequests.size();
        }
    }

    RequestHead lastOriginRequest() {
        synchronized (originRequests) {
            return originRequests.get(originRequests.size() - 1);
        }
    }

    Reply get(String url, String... headers) {
        return request("GET", url, headers);
    }

    Reply request(String method, String url, String... headers) {
        HeaderList h = new HeaderList();
        for (int i = 0; i < headers.length; i += 2) {
            h.append(headers[i], headers[i + 1]);
        }
        RequestHead head = new RequestHead(method, url, h);
        AtomicReference<ResponseHead> sent = new AtomicReference<>();
        AtomicReference<BodyBuffer> sentBody = new AtomicReference<>();
        Sandbox sandbox = engine.newSandbox(LoopbackClient.request(head), (rh, b, streaming) -> {
            sent.set(rh);
            sentBody.set(b);
        });
        Host.attach(sandbox);
        try {
            Compute.serve(handler);
        } finally {
            Host.attach(null);
            sandbox.finish();
        }
        if (sent.get() == null) {
            throw new AssertionError("the program sent no response");
        }
        try {
            String body = new String(sentBody.get().readAll(), StandardCharsets.UTF_8);
            return new Reply(sent.get().status(), sent.get().headers().copy(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for body copies and background revalidations. */
    void settle() {
        try {
            if (!engine.readthrough().awaitBackgroundWork(Duration.ofSeconds(10))) {
                throw new AssertionError("background work did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
