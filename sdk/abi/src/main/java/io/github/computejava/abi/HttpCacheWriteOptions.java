package io.github.computejava.abi;

/**
 * The {@code http_cache_write_options} record of {@code fastly_http_cache} inserts and updates, as Java values.
 * The host reads only the fields whose bit is set in the accompanying mask, except {@link #maxAgeNs}, which is
 * always read. Inside {@code main.wasm} it is laid out in guest memory (56 bytes, little-endian): max age at 0,
 * vary rule pointer/length at 8/12, initial age at 16, stale-while-revalidate at 24, surrogate keys
 * pointer/length at 32/36, length at 40, stale-if-error at 48.
 *
 * <p>{@code get_suggested_cache_options} uses the record both ways: the guest gives buffers in
 * {@link #varyRule} and {@link #surrogateKeys} (their capacity in the {@code ...Len} fields), and the host
 * answers in a second record whose lengths say how much it wrote, or, with {@code buflen}, how much it needs.
 */
public final class HttpCacheWriteOptions {
    /** {@code http_cache_write_options_mask.reserved}. */
    public static final int RESERVED = 1;
    /** {@code http_cache_write_options_mask.vary_rule}. */
    public static final int VARY_RULE = 2;
    /** {@code http_cache_write_options_mask.initial_age_ns}. */
    public static final int INITIAL_AGE_NS = 4;
    /** {@code http_cache_write_options_mask.stale_while_revalidate_ns}. */
    public static final int STALE_WHILE_REVALIDATE_NS = 8;
    /** {@code http_cache_write_options_mask.surrogate_keys}. */
    public static final int SURROGATE_KEYS = 16;
    /** {@code http_cache_write_options_mask.length}. */
    public static final int LENGTH = 32;
    /** {@code http_cache_write_options_mask.sensitive_data}. */
    public static final int SENSITIVE_DATA = 64;
    /** {@code http_cache_write_options_mask.stale_if_error_ns}. */
    public static final int STALE_IF_ERROR_NS = 128;

    /** Every option bit. */
    public static final int ALL = 0xFF;

    /** The size of the record in guest memory. */
    public static final int SIZE = 56;

    /** The freshness lifetime in nanoseconds (always read). */
    public long maxAgeNs;

    /** Space-separated header names (Latin-1), or an output buffer; null for none. */
    public byte[] varyRule;

    /** How many bytes of {@link #varyRule} count. */
    public int varyRuleLen;

    /** The age the response had when stored, in nanoseconds. */
    public long initialAgeNs;

    /** The stale-while-revalidate period in nanoseconds. */
    public long staleWhileRevalidateNs;

    /** Space-separated surrogate keys (Latin-1), or an output buffer; null for none. */
    public byte[] surrogateKeys;

    /** How many bytes of {@link #surrogateKeys} count. */
    public int surrogateKeysLen;

    /** The body length in bytes. */
    public long length;

    /** The stale-if-error period in nanoseconds. */
    public long staleIfErrorNs;

    /** Zeroed options. */
    public HttpCacheWriteOptions() {}
}
