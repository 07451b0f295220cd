package io.github.computejava.fsthttp;

import io.github.computejava.abi.Hostcalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A body from {@link Request#body(InputStream)} the host does not hold: {@link Request#send} streams it to the
 * backend as it is read, then awaits the response; the hooks' cache flow and {@link Request#copyWithBody()} read it
 * whole. Reached only through the instance that setter stores, so programs that never set such a body do not link
 * it.
 */
class StreamedSend {
    static final StreamedSend INSTANCE = new StreamedSend();

    StreamedSend() {}

    Response send(Request request, String backend, Hostcalls calls) {
        return request.sendAsyncStreaming(backend).pending().await();
    }

    byte[] readAll(InputStream stream) {
        try (InputStream in = stream) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
