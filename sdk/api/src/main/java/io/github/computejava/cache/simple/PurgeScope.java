package io.github.computejava.cache.simple;

/** Where a simple cache purge applies. */
public enum PurgeScope {
    /** The cache of the POP serving this request. */
    POP,
    /** Every POP's cache. */
    GLOBAL
}
