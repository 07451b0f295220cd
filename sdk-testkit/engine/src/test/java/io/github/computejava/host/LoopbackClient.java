package io.github.computejava.host;

import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.RequestHead;

/** Test fixture: a client on 127.0.0.1 whose requests have an empty body, as the engine's tests need one. */
public final class LoopbackClient {
    private LoopbackClient() {}

    /**
     * A client request with this head and an empty body, from and to 127.0.0.1.
     *
     * @param head the request head
     * @return the request
     */
    public static DownstreamRequest request(RequestHead head) {
        return new DownstreamRequest(head, new BodyBuffer(), new byte[] {127, 0, 0, 1}, new byte[] {127, 0, 0, 1});
    }

    /**
     * A sandbox serving this client's {@code GET url}, whose response nobody reads: for tests that call
     * hostcalls directly.
     *
     * @param engine the engine
     * @param url the request's URL
     * @return the sandbox
     */
    public static Sandbox sandbox(HostEngine engine, String url) {
        return engine.newSandbox(request(new RequestHead("GET", url, new HeaderList())), (h, b, s) -> {});
    }
}
