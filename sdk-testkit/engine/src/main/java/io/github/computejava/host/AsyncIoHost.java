package io.github.computejava.host;

import io.github.computejava.abi.FastlyAsyncIo;
import io.github.computejava.abi.FastlyStatus;

/**
 * {@code fastly_async_io}: waiting for the first of several handles to be ready. Any handle whose object is an
 * {@link AsyncItem} can be waited on (bodies, pending requests, request promises, KV store operations, cache,
 * busy, replace and HTTP cache handles: the kinds the witx's {@code async_item_handle} names); each says when
 * it is ready.
 */
final class AsyncIoHost implements FastlyAsyncIo {
    // bodies fed by peers do not signal, so waits are sliced to notice them
    private static final long SLICE_NANOS = 2_000_000L;

    private final HandleTable handles;
    private final Timeline timeline;
    private final Object monitor = new Object();

    AsyncIoHost(Sandbox sandbox) {
        this.handles = sandbox.handles();
        this.timeline = sandbox.engine().timeline();
    }

    /**
     * {@code select}: waits until one handle is ready.
     *
     * @param timeoutMillis the longest wait (unsigned), or 0 to wait without limit
     * @param readyOut receives the index (not the handle) of a ready item, or {@link #TIMED_OUT}
     * @return {@code inval} for no handles and no timeout; {@code badf} when a handle cannot be waited on
     */
    @Override
    public int select(int[] items, int timeoutMillis, int[] readyOut) {
        if (items.length == 0 && timeoutMillis == 0) {
            return FastlyStatus.INVAL;
        }
        AsyncItem[] objects = new AsyncItem[items.length];
        for (int i = 0; i < items.length; i++) {
            objects[i] = handles.get(items[i], AsyncItem.class);
            if (objects[i] == null) {
                return FastlyStatus.BADF;
            }
        }
        long deadline = timeoutMillis == 0
                ? Long.MAX_VALUE
                : System.nanoTime() + Integer.toUnsignedLong(timeoutMillis) * 1_000_000L;
        // a wait on the host: virtual time may pass while nothing is ready
        return timeline.idle(() -> anyReady(objects), () -> awaitReady(objects, deadline, readyOut));
    }

    private static boolean anyReady(AsyncItem[] objects) {
        for (AsyncItem o : objects) {
            if (o.isReady()) {
                return true;
            }
        }
        return false;
    }

    private int awaitReady(AsyncItem[] objects, long deadline, int[] readyOut) {
        while (true) {
            for (int i = 0; i < objects.length; i++) {
                if (objects[i].isReady()) {
                    readyOut[0] = i;
                    return FastlyStatus.OK;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                readyOut[0] = TIMED_OUT;
                return FastlyStatus.OK;
            }
            synchronized (monitor) {
                try {
                    long wait = Math.min(left, SLICE_NANOS);
                    monitor.wait(wait / 1_000_000L, (int) (wait % 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return FastlyStatus.ERROR;
                }
            }
        }
    }

    /** {@code is_ready}. */
    @Override
    public int isReady(int item, int[] readyOut) {
        AsyncItem o = handles.get(item, AsyncItem.class);
        if (o == null) {
            return FastlyStatus.BADF;
        }
        readyOut[0] = o.isReady() ? 1 : 0;
        return FastlyStatus.OK;
    }

    /** Wakes waiters: something they may wait on changed. */
    void signal() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }
}
