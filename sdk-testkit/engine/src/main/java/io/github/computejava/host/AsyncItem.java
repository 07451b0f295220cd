package io.github.computejava.host;

/**
 * A handle kind {@code fastly_async_io} can wait on: an {@code async_item_handle} of the witx. Every such handle
 * owner implements it, each with the I/O action it is ready for: a body the program reads has bytes (or its end),
 * a body the program streams out has room, a pending request has its response head, a request promise resolved,
 * a KV store operation answered, a cache lookup (core, busy, replace or HTTP cache) completed or chose the caller
 * to fetch.
 */
public interface AsyncItem {
    /** Whether the item's I/O action would complete without waiting. */
    boolean isReady();
}
