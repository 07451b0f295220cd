package io.github.computejava.fsthttp;

/** What the host's health checks say about a backend. */
public enum BackendHealth {
    /** No health check is configured, or none has run yet. */
    UNKNOWN,
    /** The latest health checks passed. */
    HEALTHY,
    /** The latest health checks failed. */
    UNHEALTHY;

    static BackendHealth fromCode(int code) {
        return code == 1 ? HEALTHY : code == 2 ? UNHEALTHY : UNKNOWN;
    }
}
