package io.github.computejava.samples.readthrough;

import io.github.computejava.host.Backend;
import io.github.computejava.host.BodyBuffer;
import io.github.computejava.host.DownstreamRequest;
import io.github.computejava.host.HeaderList;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.RequestHead;
import io.github.computejava.host.ResponseHead;
import io.github.computejava.host.Sandbox;
import io.github.computejava.internal.Host;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** The JVM door: the sample's {@code main} runs on the engine in this JVM (what the testkit does). */
final class JvmDoor extends Door {
    private final HostEngine engine = HostEngine.builder()
            .clock(clock)
            .backend(Backend.builder(Main.BACKEND).build())
            .origin(origin)
            .build();

    @Override
    Reply request(String method, String path) throws Exception {
        AtomicReference<ResponseHead> head = new AtomicReference<>();
        AtomicReference<BodyBuffer> body = new AtomicReference<>();
        Sandbox sandbox = engine.newSandbox(
                new DownstreamRequest(
                        new RequestHead(method, "http://sample.example" + path, new HeaderList()),
                        new BodyBuffer(),
                        new byte[] {127, 0, 0, 1},
                        new byte[] {127, 0, 0, 1}),
                (h, b, streaming) -> {
                    head.set(h);
                    body.set(b);
                });
        Host.attach(sandbox);
        try {
            Main.main(new String[0]);
        } finally {
            Host.attach(null);
            sandbox.finish();
        }
        if (head.get() == null) {
            throw new AssertionError("the program sent no response");
        }
        return new Reply(
                head.get().status,
                lowerCase(head.get().headers),
                new String(body.get().readAll(), StandardCharsets.UTF_8));
    }

    @Override
    void settle() throws Exception {
        if (!engine.readthrough().awaitBackgroundWork(Duration.ofSeconds(10))) {
            throw new AssertionError("background work did not finish");
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
