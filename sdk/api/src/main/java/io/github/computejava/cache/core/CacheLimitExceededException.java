package io.github.computejava.cache.core;

import io.github.computejava.ComputeException;

/**
 * A write broke one of the cache's limits: a key may have at most 8 distinct vary rules (its variants are not
 * limited).
 */
public class CacheLimitExceededException extends ComputeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the limit that was exceeded
     */
    public CacheLimitExceededException(String message) {
        super(message);
    }
}
