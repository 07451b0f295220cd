package io.github.computejava.abi;

/**
 * The {@code cache_write_options} record of {@code fastly_cache} ({@code insert}, {@code transaction_insert*},
 * {@code transaction_update}, {@code replace_insert}): the Java side of a record with pointers. Which fields
 * count is said by the call's mask (the max age always does); the Wasm binding lays the record out in guest
 * memory.
 */
public final class CacheWriteOptions {
    /** {@code cache_write_options_mask.reserved}. */
    public static final int MASK_RESERVED = 1;
    /** {@code request_headers}: only for the non-transactional {@code insert}. */
    public static final int MASK_REQUEST_HEADERS = 1 << 1;
    /** {@code vary_rule}. */
    public static final int MASK_VARY_RULE = 1 << 2;
    /** {@code initial_age_ns}. */
    public static final int MASK_INITIAL_AGE_NS = 1 << 3;
    /** {@code stale_while_revalidate_ns}. */
    public static final int MASK_STALE_WHILE_REVALIDATE_NS = 1 << 4;
    /** {@code surrogate_keys}. */
    public static final int MASK_SURROGATE_KEYS = 1 << 5;
    /** {@code length}. */
    public static final int MASK_LENGTH = 1 << 6;
    /** {@code user_metadata}. */
    public static final int MASK_USER_METADATA = 1 << 7;
    /** {@code sensitive_data}. */
    public static final int MASK_SENSITIVE_DATA = 1 << 8;
    /** {@code edge_max_age_ns}. */
    public static final int MASK_EDGE_MAX_AGE_NS = 1 << 9;
    /** {@code service_id}. */
    public static final int MASK_SERVICE_ID = 1 << 10;

    /**
     * Guest layout (wasm32, natural alignment, 8-aligned): {@code max_age_ns} u64 @0, {@code request_headers}
     * u32 @8, {@code vary_rule_ptr} @12, {@code vary_rule_len} @16, {@code initial_age_ns} u64 @24,
     * {@code stale_while_revalidate_ns} u64 @32, {@code surrogate_keys_ptr} @40, {@code surrogate_keys_len} @44,
     * {@code length} u64 @48, {@code user_metadata_ptr} @56, {@code user_metadata_len} @60,
     * {@code edge_max_age_ns} u64 @64, {@code service_id} ptr @72, {@code service_id_len} @76.
     */
    public static final int SIZE = 80;

    /** Freshness lifetime in nanoseconds (always read). */
    public long maxAgeNs;

    /** A request handle whose headers the vary rule applies to. */
    public int requestHeaders;

    /** Header names separated by spaces. */
    public byte[] varyRule = new byte[0];

    /** The age the object already has, in nanoseconds. */
    public long initialAgeNs;

    /** Stale-while-revalidate period in nanoseconds. */
    public long staleWhileRevalidateNs;

    /** Surrogate keys separated by spaces. */
    public byte[] surrogateKeys = new byte[0];

    /** The body's length. */
    public long length;

    /** Bytes stored alongside the object. */
    public byte[] userMetadata = new byte[0];

    /** Max age at the delivering node, in nanoseconds. */
    public long edgeMaxAgeNs;

    /** A service id (privileged; hosts may answer {@code unsupported}). */
    public byte[] serviceId = new byte[0];
}
