package io.github.computejava.fsthttp;

/** How {@link Request#send} reaches the cache when the program drives it (see {@link GuestCache}). */
interface CacheFlow {
    Response send(Request request, String backend);

    PendingRequest sendAsync(Request request, String backend);
}
