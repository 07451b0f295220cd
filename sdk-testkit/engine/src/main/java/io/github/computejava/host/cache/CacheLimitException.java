package io.github.computejava.host.cache;

/** A write would break one of the cache's limits (such as the number of vary rules per key). */
public final class CacheLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the limit and how it was exceeded
     */
    public CacheLimitException(String message) {
        super(message);
    }
}
