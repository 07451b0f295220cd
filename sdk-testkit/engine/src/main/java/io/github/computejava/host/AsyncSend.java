package io.github.computejava.host;

import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.host.backend.SendFailure;
import io.github.computejava.host.http.UpstreamResponse;
import java.util.concurrent.CompletableFuture;

/**
 * A request sent with {@code send_async*}, exchanged on one of the engine's threads. When the program ends without
 * waiting for it, the sandbox abandons it: an exchange still waiting for its response is interrupted (the origin
 * aborts it), and a response that has arrived, or arrives later, has its body discarded, which closes the backend
 * connection instead of leaving a pump blocked on a full body.
 */
final class AsyncSend {
    /** The exchange itself: the engine's send. */
    @FunctionalInterface
    interface Exchange {
        UpstreamResponse run() throws SendFailure;
    }

    private final CompletableFuture<UpstreamResponse> future = new CompletableFuture<>();
    // guarded by this: the thread running the exchange, while it runs
    private Thread runner;
    private boolean abandoned;
    // the send's count on the engine's timeline
    private Timeline.Work work;

    /** @return completes with the response, or exceptionally with a {@link SendFailure} */
    CompletableFuture<UpstreamResponse> future() {
        return future;
    }

    /** Runs the exchange on the calling thread (an engine thread) and completes the future. */
    void run(Exchange exchange) {
        synchronized (this) {
            if (abandoned) {
                future.completeExceptionally(new SendFailure(
                        FastlyHttpReq.SEND_ERROR_TAG_INTERNAL_ERROR, "the program ended before the request was sent"));
                return;
            }
            runner = Thread.currentThread();
        }
        UpstreamResponse response = null;
        SendFailure failure = null;
        try {
            response = exchange.run();
        } catch (SendFailure f) {
            failure = f;
        } catch (RuntimeException e) {
            failure = new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_INTERNAL_ERROR, e.toString(), e);
        }
        synchronized (this) {
            runner = null;
            // an abandon that came after the exchange had no use for it must not reach the thread's next task
            Thread.interrupted();
        }
        if (failure != null) {
            future.completeExceptionally(failure);
        } else {
            future.complete(response);
        }
    }

    /** Counts the send on the engine's timeline (set before it runs). */
    void counted(Timeline.Work work) {
        synchronized (this) {
            this.work = work;
        }
    }

    /** The program will never take the response: abort the exchange and discard whatever it yields. */
    void abandon() {
        synchronized (this) {
            if (abandoned) {
                return;
            }
            abandoned = true;
            if (runner != null) {
                runner.interrupt();
            }
            if (work != null) {
                // no virtual time passes for a send nobody waits for
                work.cancel();
            }
        }
        future.thenAccept(response -> response.body().discard());
    }
}
