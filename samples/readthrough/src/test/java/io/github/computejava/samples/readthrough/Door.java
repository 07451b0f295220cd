package io.github.computejava.samples.readthrough;

import io.github.computejava.host.BodyBuffer;
import io.github.computejava.host.HeaderList;
import io.github.computejava.host.Origin;
import io.github.computejava.host.RequestHead;
import io.github.computejava.host.ResponseHead;
import io.github.computejava.host.SendFailure;
import io.github.computejava.host.UpstreamResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a scenario reaches the sample: the JVM door (the program's classes on the engine) or the Wasm door (the
 * built {@code main.wasm} on the local server). Both share a virtual clock and a scripted origin.
 */
abstract class Door implements AutoCloseable {
    /** What the client received. */
    record Reply(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** The origin's answer to one request. */
    @FunctionalInterface
    interface Script {
        UpstreamResponse answer(RequestHead request);
    }

    final Clock clock = new Clock();
    private final List<RequestHead> originRequests = new ArrayList<>();
    private volatile Script script = r -> answer(200, "hello", "Cache-Control", "max-age=60");

    /** The scripted origin every backend request reaches. */
    final Origin origin = (backend, request, body) -> {
        try {
            body.readAll();
        } catch (IOException e) {
            throw new SendFailure(SendFailure.CONNECTION_TERMINATED, e.toString(), e);
        }
        synchronized (originRequests) {
            originRequests.add(request.copy());
        }
        return script.answer(request);
    };

    abstract Reply request(String method, String path) throws Exception;

    /** Waits for the engine's background work (body copies, revalidations). */
    abstract void settle() throws Exception;

    Reply get(String path) throws Exception {
        return request("GET", path);
    }

    void origin(Script s) {
        this.script = s;
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

    static UpstreamResponse answer(int status, String body, String... headers) {
        HeaderList h = new HeaderList();
        for (int i = 0; i < headers.length; i += 2) {
            h.append(headers[i], headers[i + 1]);
        }
        return new UpstreamResponse(new ResponseHead(status, h), BodyBuffer.of(body.getBytes(StandardCharsets.UTF_8)));
    }

    static Map<String, String> lowerCase(HeaderList headers) {
        Map<String, String> m = new TreeMap<>();
        for (String[] f : headers.fields()) {
            m.putIfAbsent(f[0].toLowerCase(java.util.Locale.ROOT), f[1]);
        }
        return m;
    }

    /** A clock that moves only when told to. */
    static final class Clock implements InstantSource {
        private volatile Instant now = Instant.parse("2026-03-01T12:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }
}
