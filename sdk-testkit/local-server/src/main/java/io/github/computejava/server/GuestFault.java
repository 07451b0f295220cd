package io.github.computejava.server;

import io.github.computejava.abi.FastlyStatus;

/**
 * A guest mistake found while marshalling a hostcall (a pointer or length outside memory, a misaligned pointer,
 * bytes that should be UTF-8): the hostcall answers {@link #status()} and the program carries on.
 */
final class GuestFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    GuestFault(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The {@code fastly_status} the hostcall returns. */
    int status() {
        return status;
    }

    static GuestFault inval(String message) {
        return new GuestFault(FastlyStatus.INVAL, message);
    }
}
