package io.github.computejava.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.fsthttp.Compute;
import io.github.computejava.fsthttp.Response;
import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.ResponseHead;
import io.github.computejava.host.http.UpstreamResponse;
import io.github.computejava.internal.Host;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SandboxSmokeTest {
    @Test
    void sdkProxiesThroughTheEngine() throws Exception {
        List<RequestHead> seen = new ArrayList<>();
        HostEngine engine = HostEngine.builder()
                .backend(Backend.builder("httpme").build())
                .origin((backend, request, body) -> {
                    seen.add(request);
                    HeaderList h = new HeaderList();
                    h.append("Content-Type", "text/plain");
                    h.append("Cache-Control", "no-cache");
                    return new UpstreamResponse(new ResponseHead(201, h), BodyBuffer.of("origin says hi".getBytes()));
                })
                .build();
        RequestHead head = new RequestHead("GET", "http://example.com/path?q=1", new HeaderList());
        head.headers().append("Accept", "*/*");
        AtomicReference<ResponseHead> sent = new AtomicReference<>();
        AtomicReference<BodyBuffer> sentBody = new AtomicReference<>();
        Sandbox sandbox = engine.newSandbox(LoopbackClient.request(head), (h, b, streaming) -> {
            sent.set(h);
            sentBody.set(b);
        });
        Host.attach(sandbox);
        try {
            Compute.serve((request, w) -> {
                request.headers().add("TheTime", "now");
                request.cacheOptions(
                        CacheOptions.builder().ttl(Duration.ofSeconds(30)).build());
                try (Response resp = request.send("httpme")) {
                    w.headers().setAll(resp.headers());
                    w.headers().set("Cache-Control", "public, max-age=60");
                    w.status(resp.status());
                    resp.body().transferTo(w.body());
                }
            });
        } finally {
            Host.attach(null);
            sandbox.finish();
        }
        assertEquals(1, seen.size());
        assertEquals("now", seen.get(0).headers().first("TheTime"));
        assertEquals("*/*", seen.get(0).headers().first("accept"));
        assertNotNull(sent.get());
        assertEquals(201, sent.get().status());
        assertEquals("public, max-age=60", sent.get().headers().first("cache-control"));
        assertEquals("text/plain", sent.get().headers().first("content-type"));
        assertEquals("origin says hi", new String(sentBody.get().readAll(), StandardCharsets.UTF_8));
        assertTrue(sentBody.get().isComplete());
    }
}
