package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computejava.host.BodyBuffer;
import io.github.computejava.host.DownstreamRequest;
import io.github.computejava.host.HeaderList;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.RequestHead;
import io.github.computejava.host.ResponseHead;
import io.github.computejava.host.Sandbox;
import io.github.computejava.internal.Host;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void greetsWithThePath() throws Exception {
        HostEngine engine = HostEngine.builder().build();
        AtomicReference<ResponseHead> head = new AtomicReference<>();
        AtomicReference<BodyBuffer> body = new AtomicReference<>();
        byte[] loopback = {127, 0, 0, 1};
        Sandbox sandbox = engine.newSandbox(
                new DownstreamRequest(
                        new RequestHead("GET", "http://localhost/hello", new HeaderList()),
                        new BodyBuffer(),
                        loopback,
                        loopback),
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
        assertEquals(200, head.get().status);
        assertEquals("text/plain; charset=utf-8", head.get().headers.first("content-type"));
        assertEquals(
                "Hello from Java on Fastly Compute! You asked for /hello\n",
                new String(body.get().readAll(), StandardCharsets.UTF_8));
    }
}
