package io.github.computejava.fsthttp;

import io.github.computejava.abi.Hostcalls;

/** How {@link Request#send} reaches the cache when the program drives it (see {@link GuestCache}). */
interface CacheFlow {
    Response send(Request request, String backend, Hostcalls calls);

    PendingRequest sendAsync(Request request, String backend, Hostcalls calls);
}
