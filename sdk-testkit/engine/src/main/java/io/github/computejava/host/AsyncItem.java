package io.github.computejava.host;

/**
 * A handle kind that {@code fastly_async_io.select} can wait on besides bodies and pending requests (cache
 * handles, request promises): it reports whether its I/O action is ready.
 */
public interface AsyncItem {
    /** Whether the item's I/O action would complete without waiting. */
    boolean isReady();
}
