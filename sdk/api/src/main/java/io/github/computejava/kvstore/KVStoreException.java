package io.github.computejava.kvstore;

import io.github.computejava.ComputeException;
import io.github.computejava.internal.guest.KvStoreGuest;

/** A KV store rejected an operation or failed ({@code kv_error}). */
public class KVStoreException extends ComputeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The key or an option is not valid. */
        BAD_REQUEST,
        /** The key does not exist. */
        NOT_FOUND,
        /** {@code ADD} found the key, or the generation did not match. */
        PRECONDITION_FAILED,
        /** The value or metadata is too large. */
        PAYLOAD_TOO_LARGE,
        /** The store failed. */
        INTERNAL_ERROR,
        /** Too many requests. */
        TOO_MANY_REQUESTS;

        static Kind fromCode(int kvError) {
            switch (kvError) {
                case KvStoreGuest.BAD_REQUEST:
                    return BAD_REQUEST;
                case KvStoreGuest.NOT_FOUND:
                    return NOT_FOUND;
                case KvStoreGuest.PRECONDITION_FAILED:
                    return PRECONDITION_FAILED;
                case KvStoreGuest.PAYLOAD_TOO_LARGE:
                    return PAYLOAD_TOO_LARGE;
                case KvStoreGuest.TOO_MANY_REQUESTS:
                    return TOO_MANY_REQUESTS;
                default:
                    return INTERNAL_ERROR;
            }
        }
    }

    private final Kind kind;

    /**
     * Creates the exception.
     *
     * @param store the store name
     * @param key the key
     * @param kind what went wrong
     */
    public KVStoreException(String store, String key, Kind kind) {
        super("KV store '" + store + "' failed for key '" + key + "': "
                + io.github.computejava.internal.Text.asciiLower(kind.name()).replace('_', ' '));
        this.kind = kind;
    }

    /**
     * What went wrong.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }
}
