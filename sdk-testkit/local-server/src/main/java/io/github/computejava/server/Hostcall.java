package io.github.computejava.server;

import io.github.computejava.abi.FastlyStatus;

/**
 * One Fastly hostcall as the Wasm door implements it: reads its arguments (the lowered core-Wasm values, i32
 * as long), moves bytes through {@link Guest#memory()} and returns the {@code fastly_status}.
 */
@FunctionalInterface
interface Hostcall {
    /** The hostcall of every function the local server does not implement. */
    Hostcall UNSUPPORTED = (guest, args) -> FastlyStatus.UNSUPPORTED;

    /**
     * Performs the call.
     *
     * @throws GuestFault for a bad pointer, length or encoding (the caller returns its status)
     */
    int call(Guest guest, long[] args);

    /** Argument {@code i} as an i32. */
    static int i32(long[] args, int i) {
        return (int) args[i];
    }
}
