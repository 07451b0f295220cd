package io.github.computejava.samples.simplecache;

import io.github.computejava.host.BodyBuffer;
import io.github.computejava.host.DownstreamRequest;
import io.github.computejava.host.HeaderList;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.RequestHead;
import io.github.computejava.host.Sandbox;
import io.github.computejava.internal.Host;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the sample's {@code main} for one client request on the JVM, against the engine (the testkit's JVM
 * door), with a clock the test moves.
 */
final class SampleHost {
    /** What the client received. */
    record Reply(int status, HeaderList headers, String body) {
        String header(String name) {
            return headers.first(name);
        }
    }

    /** A clock that moves only when told to. */
    static final class Clock implements InstantSource {
        private volatile Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    interface Program {
        void main(String[] args) throws Exception;
    }

    private SampleHost() {}

    static Reply get(HostEngine engine, Program program, String path) throws Exception {
        AtomicReference<Reply> reply = new AtomicReference<>();
        AtomicReference<BodyBuffer> body = new AtomicReference<>();
        Sandbox sandbox = engine.newSandbox(
                new DownstreamRequest(
                        new RequestHead("GET", "http://sample.example" + path, new HeaderList()),
                        new BodyBuffer(),
                        new byte[] {127, 0, 0, 1},
                        new byte[] {127, 0, 0, 1}),
                (h, b, streaming) -> {
                    reply.set(new Reply(h.status, h.headers.copy(), null));
                    body.set(b);
                });
        Host.attach(sandbox);
        try {
            program.main(new String[0]);
        } finally {
            Host.attach(null);
            sandbox.finish();
        }
        Reply r = reply.get();
        if (r == null) {
            throw new AssertionError("the program sent no response");
        }
        return new Reply(r.status(), r.headers(), new String(body.get().readAll(), StandardCharsets.UTF_8));
    }
}
