package io.github.computejava.fsthttp;

/**
 * {@link Request#send} for a body from {@link Request#body(java.io.InputStream)} the host does not hold: streamed
 * to the backend as it is read, then the response awaited. Reached only through the instance that setter stores,
 * so programs that never set such a body do not link it.
 */
final class StreamedSend implements CacheFlow {
    static final CacheFlow FLOW = new StreamedSend();

    private StreamedSend() {}

    @Override
    public Response send(Request request, String backend) {
        return request.sendAsyncStreaming(backend).pending().await();
    }

    @Override
    public PendingRequest sendAsync(Request request, String backend) {
        return request.sendAsyncStreaming(backend).pending();
    }
}
