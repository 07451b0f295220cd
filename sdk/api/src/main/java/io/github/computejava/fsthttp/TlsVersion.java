package io.github.computejava.fsthttp;

/** A TLS protocol version for a backend's connections. */
public enum TlsVersion {
    /** TLS 1.0. */
    TLS_1_0,
    /** TLS 1.1. */
    TLS_1_1,
    /** TLS 1.2. */
    TLS_1_2,
    /** TLS 1.3. */
    TLS_1_3;

    /** The {@code tls_version} value. */
    int code() {
        return ordinal();
    }

    static TlsVersion fromCode(int code) {
        TlsVersion[] all = values();
        return code >= 0 && code < all.length ? all[code] : null;
    }
}
