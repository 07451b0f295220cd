package io.github.computejava.host.readthrough;

/**
 * What to do with a response from the backend, as {@code http_storage_action} names it: the codes are the ABI's.
 */
public enum StorageAction {
    /** Store the response. */
    INSERT(0),
    /** Refresh the stored response's headers and freshness, keeping its body (after a 304). */
    UPDATE(1),
    /** Do not store it; a request waiting for the same object takes over and fetches again. */
    DO_NOT_STORE(2),
    /** Do not store it, and remember that it is not cacheable: later requests go to the backend at once. */
    RECORD_UNCACHEABLE(3);

    private final int code;

    StorageAction(int code) {
        this.code = code;
    }

    /**
     * The {@code http_storage_action} code.
     *
     * @return 0 to 3
     */
    public int code() {
        return code;
    }

    /**
     * The action with this code.
     *
     * @param code an {@code http_storage_action} code
     * @return the action, or null for an unknown code
     */
    public static StorageAction ofCode(int code) {
        for (StorageAction a : values()) {
            if (a.code == code) {
                return a;
            }
        }
        return null;
    }
}
