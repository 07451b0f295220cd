package io.github.computejava.abi;

/**
 * The {@code cache_lookup_state} flags, which {@link FastlyCache} and {@link FastlyHttpCache} both answer from
 * {@code get_state}.
 */
public final class CacheLookupState {
    /** {@code found}: the cache holds an object for the key. */
    public static final int FOUND = 1;
    /** {@code usable}: the object may be served (fresh, or within its stale-while-revalidate period). */
    public static final int USABLE = 1 << 1;
    /** {@code stale}: the object is past its max age. */
    public static final int STALE = 1 << 2;
    /** {@code must_insert_or_update}: this lookup was chosen to fetch and insert the object. */
    public static final int MUST_INSERT_OR_UPDATE = 1 << 3;
    /** {@code usable_if_error}: the stale object may stand in for a failing backend. */
    public static final int USABLE_IF_ERROR = 1 << 4;

    private CacheLookupState() {}
}
