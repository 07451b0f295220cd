package io.github.computejava.abi;

/**
 * The {@code cache_lookup_options} record of {@code fastly_cache} ({@code lookup}, {@code transaction_lookup*}):
 * the Java side of a record with pointers. Which fields count is said by the call's mask; the Wasm binding lays
 * the record out in guest memory.
 */
public final class CacheLookupOptions {
    /** {@code cache_lookup_options_mask.reserved}. */
    public static final int MASK_RESERVED = 1;
    /** {@code cache_lookup_options_mask.request_headers}. */
    public static final int MASK_REQUEST_HEADERS = 1 << 1;
    /** {@code cache_lookup_options_mask.service_id}. */
    public static final int MASK_SERVICE_ID = 1 << 2;
    /** {@code cache_lookup_options_mask.always_use_requested_range}. */
    public static final int MASK_ALWAYS_USE_REQUESTED_RANGE = 1 << 3;

    /** Guest layout: {@code request_headers} u32 @0, {@code service_id} ptr @4, {@code service_id_len} @8. */
    public static final int SIZE = 12;

    /** A request handle whose headers the lookup's vary rules see. */
    public int requestHeaders;

    /** A service id (privileged; hosts may answer {@code unsupported}). */
    public byte[] serviceId = new byte[0];
}
