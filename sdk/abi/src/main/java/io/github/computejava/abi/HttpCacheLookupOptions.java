package io.github.computejava.abi;

/**
 * The {@code http_cache_lookup_options} record of {@code fastly_http_cache} lookups, as Java values: the host
 * reads only the fields whose bit is set in the accompanying mask ({@link #OVERRIDE_KEY}, {@link #BACKEND_NAME}).
 * Inside {@code main.wasm} it is laid out in guest memory (16 bytes: two pointer/length pairs).
 */
public final class HttpCacheLookupOptions {
    /** {@code http_cache_lookup_options_mask.reserved}. */
    public static final int RESERVED = 1;
    /** {@code http_cache_lookup_options_mask.override_key}. */
    public static final int OVERRIDE_KEY = 2;
    /** {@code http_cache_lookup_options_mask.backend_name}. */
    public static final int BACKEND_NAME = 4;

    /** The size of the record in guest memory. */
    public static final int SIZE = 16;

    /** The cache key to use instead of the request's, or null. */
    public byte[] overrideKey;

    /** The name of the backend the request will go to, or null. */
    public byte[] backendName;

    /** Empty options. */
    public HttpCacheLookupOptions() {}
}
