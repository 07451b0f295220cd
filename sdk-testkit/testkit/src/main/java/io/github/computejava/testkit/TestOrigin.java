package io.github.computejava.testkit;

import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.fsthttp.Headers;
import io.github.computejava.fsthttp.SendErrorKind;
import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.backend.Origin;
import io.github.computejava.host.backend.SendFailure;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.CacheOverride;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.ResponseHead;
import io.github.computejava.host.http.UpstreamResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The testkit's origin: records what reaches each backend, then answers from the backend's script, or forwards
 * to its real URL, or answers {@code 502} saying nothing was scripted.
 */
final class TestOrigin implements Origin {
    private final TestHost host;

    TestOrigin(TestHost host) {
        this.host = host;
    }

    @Override
    public UpstreamResponse exchange(Backend backend, RequestHead request, BodyBuffer body) throws SendFailure {
        return exchange(backend, request, body, CacheOverride.NONE);
    }

    @Override
    public UpstreamResponse exchange(Backend backend, RequestHead request, BodyBuffer body, CacheOverride override)
            throws SendFailure {
        RequestHead sent = request.copy();
        if (backend.overrideHost().isPresent()) {
            sent.headers().set("Host", backend.overrideHost().get());
        } else if (!sent.headers().contains("Host")) {
            // a request without a Host header goes out with the authority of its URL
            String authority = Urls.authority(sent.uri());
            if (!authority.isEmpty()) {
                sent.headers().set("Host", authority);
            }
        }
        TestBackend streamingScript = host.script(backend.name());
        StreamingResponder streaming = streamingScript == null ? null : streamingScript.streaming();
        if (streaming != null) {
            return exchangeStreaming(backend, sent, body, override, streamingScript, streaming);
        }
        byte[] bytes;
        boolean complete = true;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            byte[] buf = new byte[16384];
            int n;
            while ((n = body.read(buf, 0, buf.length)) >= 0) {
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            complete = false;
        }
        bytes = out.toByteArray();
        Framing.request(sent, bytes, body.isStreaming());
        TestBackend script = host.script(backend.name());
        RecordedRequest recorded = host.record(backend.name(), sent, bytes, cacheOptions(override), script);
        backend.clientCertificate().ifPresent(recorded::clientCertificate);
        if (!complete) {
            throw new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_CONNECTION_TERMINATED, "the request body was abandoned");
        }
        MockResponse answer;
        try {
            answer = script == null ? null : script.next(recorded);
        } catch (Throwable t) {
            host.responderFailed(backend.name(), t);
            throw new SendFailure(
                    FastlyHttpReq.SEND_ERROR_TAG_INTERNAL_ERROR,
                    "the responder of backend '" + backend.name() + "' threw " + t);
        }
        if (answer == null) {
            if (backend.url().isPresent()) {
                Origin http = host.httpOrigin();
                if (http != null) {
                    return http.exchange(backend, sent, BodyBuffer.of(bytes));
                }
                return explain(
                        502,
                        "compute-java testkit: backend '" + backend.name() + "' points at "
                                + backend.url().get()
                                + ", but this testkit has no HTTP client for real URLs; script the backend instead\n");
            }
            return explain(
                    502,
                    "compute-java testkit: no response is scripted for backend '" + backend.name() + "' ("
                            + sent.method() + " " + sent.uri() + ")\n");
        }
        return answer(backend, answer);
    }

    /** A request whose body the script reads as it arrives: nothing of the body is kept. */
    private UpstreamResponse exchangeStreaming(
            Backend backend,
            RequestHead sent,
            BodyBuffer body,
            CacheOverride override,
            TestBackend script,
            StreamingResponder responder)
            throws SendFailure {
        Framing.request(sent, new byte[0], true);
        RecordedRequest recorded = host.record(backend.name(), sent, new byte[0], cacheOptions(override), script);
        MockResponse answer;
        try {
            answer = responder.respond(recorded, body.asInputStream());
        } catch (IOException e) {
            body.discard();
            throw new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_CONNECTION_TERMINATED, "the request body was abandoned");
        } catch (Throwable t) {
            body.discard();
            host.responderFailed(backend.name(), t);
            throw new SendFailure(
                    FastlyHttpReq.SEND_ERROR_TAG_INTERNAL_ERROR,
                    "the responder of backend '" + backend.name() + "' threw " + t);
        }
        body.discard();
        if (answer == null) {
            return explain(
                    502,
                    "compute-java testkit: the streaming responder of backend '" + backend.name()
                            + "' answered nothing\n");
        }
        return answer(backend, answer);
    }

    private UpstreamResponse answer(Backend backend, MockResponse answer) throws SendFailure {
        Duration delay = answer.delay();
        if (!delay.isZero()) {
            Duration timeout = backend.firstByteTimeout();
            // the delay is a timer on the host's timeline: delays of concurrent sends overlap
            Instant start = host.clock().instant();
            if (delay.compareTo(timeout) > 0) {
                sleepUntil(start.plus(timeout));
                throw new SendFailure(
                        FastlyHttpReq.SEND_ERROR_TAG_HTTP_RESPONSE_TIMEOUT,
                        "backend '" + backend.name() + "' took longer than its first-byte timeout of " + timeout);
            }
            sleepUntil(start.plus(delay));
        }
        if (answer.failure().isPresent()) {
            throw failure(backend, answer);
        }
        HeaderList headers = new HeaderList();
        Headers h = answer.rawHeaders();
        for (String name : h.names()) {
            for (String value : h.values(name)) {
                headers.append(name, value);
            }
        }
        if (answer.streamedBody().isPresent()) {
            // a body still being written goes out chunked, its length unknown
            BodyBuffer streamed;
            try {
                streamed = answer.streamedBody().get().attach();
            } catch (IllegalStateException e) {
                host.responderFailed(backend.name(), new AssertionError(e.getMessage(), e));
                throw new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_INTERNAL_ERROR, e.getMessage());
            }
            // the program owns a body reading from the one the test writes, as from a real origin's connection
            return new UpstreamResponse(
                    new ResponseHead(answer.status(), headers), withTrailers(BodyBuffer.readingFrom(streamed), answer));
        }
        byte[] body = answer.rawBody();
        // an HTTP/1.1 origin frames a fixed body with Content-Length (chunked when trailers follow it), and the
        // program sees it
        if (!headers.contains("Content-Length") && !headers.contains("Transfer-Encoding")) {
            if (answer.rawTrailers().isEmpty()) {
                headers.append("Content-Length", Integer.toString(body.length));
            } else {
                headers.append("Transfer-Encoding", "chunked");
            }
        }
        return new UpstreamResponse(
                new ResponseHead(answer.status(), headers), withTrailers(BodyBuffer.of(body), answer));
    }

    /** The scripted trailers ride on the body, as a real origin's do: readable once it was read to its end. */
    private static BodyBuffer withTrailers(BodyBuffer body, MockResponse answer) {
        Headers t = answer.rawTrailers();
        for (String name : t.names()) {
            for (String value : t.values(name)) {
                body.trailers().append(name, value);
            }
        }
        return body;
    }

    private void sleepUntil(Instant due) throws SendFailure {
        try {
            host.engine().timeline().sleepUntil(due);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_INTERNAL_ERROR, "the send was abandoned");
        }
    }

    private static SendFailure failure(Backend backend, MockResponse answer) {
        SendErrorKind kind = answer.failure().get();
        String message = "backend '" + backend.name() + "' failed: " + kind;
        switch (kind) {
            case DNS_ERROR:
                return SendFailure.dnsError(answer.dnsRcode(), answer.dnsInfoCode(), message);
            case TLS_ALERT_RECEIVED:
                return SendFailure.tlsAlert(answer.tlsAlertId(), message);
            case H2_ERROR:
                if (answer.h2ErrorFrame() >= 0) {
                    return SendFailure.h2Error(answer.h2ErrorFrame(), answer.h2ErrorCode(), message);
                }
                return new SendFailure(tag(kind), message);
            default:
                return new SendFailure(tag(kind), message);
        }
    }

    /** The program's cache override in the SDK's terms. */
    static CacheOptions cacheOptions(CacheOverride o) {
        CacheOptions.Builder b = CacheOptions.builder().pass(o.pass()).pci(o.pci());
        if (o.hasTtl()) {
            b.ttl(Duration.ofSeconds(o.ttlSeconds()));
        }
        if (o.hasStaleWhileRevalidate()) {
            b.staleWhileRevalidate(Duration.ofSeconds(o.staleWhileRevalidateSeconds()));
        }
        if (o.surrogateKey() != null && !o.surrogateKey().trim().isEmpty()) {
            b.surrogateKey(o.surrogateKey());
        }
        return b.build();
    }

    /** The {@code send_error_detail_tag} of a kind: the enum lists the ABI's tags in order from 2. */
    static int tag(SendErrorKind kind) {
        return kind.ordinal() + 1;
    }

    private static UpstreamResponse explain(int status, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        HeaderList headers = new HeaderList();
        headers.append("Content-Type", "text/plain; charset=utf-8");
        headers.append("Content-Length", Integer.toString(body.length));
        return new UpstreamResponse(new ResponseHead(status, headers), BodyBuffer.of(body));
    }
}
