package io.github.computejava.abi;

/**
 * The {@code cache_replace_options} record of {@code fastly_cache.replace}: the Java side of a record with
 * pointers. Which fields count is said by the call's mask; the Wasm binding lays the record out in guest memory.
 */
public final class CacheReplaceOptions {
    /** {@code cache_replace_options_mask.reserved}. */
    public static final int MASK_RESERVED = 1;
    /** {@code request_headers}. */
    public static final int MASK_REQUEST_HEADERS = 1 << 1;
    /** {@code replace_strategy}. */
    public static final int MASK_REPLACE_STRATEGY = 1 << 2;
    /** {@code service_id}. */
    public static final int MASK_SERVICE_ID = 1 << 3;
    /** {@code always_use_requested_range}. */
    public static final int MASK_ALWAYS_USE_REQUESTED_RANGE = 1 << 4;

    /** {@code cache_replace_strategy}: replace now, racing other writers. */
    public static final int STRATEGY_IMMEDIATE = 1;
    /** Replace now, and make lookups miss until the replacement is inserted. */
    public static final int STRATEGY_IMMEDIATE_FORCE_MISS = 2;
    /** Wait for pending writers of the object first. */
    public static final int STRATEGY_WAIT = 3;

    /**
     * Guest layout: {@code request_headers} u32 @0, {@code replace_strategy} u32 @4, {@code service_id} ptr @8,
     * {@code service_id_len} @12.
     */
    public static final int SIZE = 16;

    /** A request handle whose headers choose the variant. */
    public int requestHeaders;

    /** One of the {@code STRATEGY_*} values. */
    public int replaceStrategy = STRATEGY_IMMEDIATE;

    /** A service id (privileged; hosts may answer {@code unsupported}). */
    public byte[] serviceId = new byte[0];
}
