package io.github.computejava.host.cache;

import io.github.computejava.abi.CacheLookupOptions;
import io.github.computejava.abi.CacheReplaceOptions;
import io.github.computejava.abi.CacheWriteOptions;

/**
 * Reads the {@code fastly_cache} and {@code fastly_purge} option records out of guest memory for the Wasm door,
 * in the witx layout (wasm32, little-endian, natural alignment). Pointer fields are followed only when the
 * call's mask says the field counts, so garbage in unused fields never faults.
 */
public final class CacheRecords {
    /** Guest memory as the records need it. */
    @FunctionalInterface
    public interface GuestBytes {
        /**
         * Copies guest bytes.
         *
         * @param address where they start
         * @param length how many
         * @return a copy
         * @throws RuntimeException (of the door's choosing) when the range is outside guest memory
         */
        byte[] read(int address, int length);
    }

    /** Size of {@code purge_options}: {@code ret_buf_ptr} @0, {@code ret_buf_len} @4, {@code nwritten_out} @8. */
    public static final int PURGE_OPTIONS_SIZE = 12;

    /** Size of {@code cache_get_body_options}: {@code from} u64 @0, {@code to} u64 @8. */
    public static final int GET_BODY_OPTIONS_SIZE = 16;

    private CacheRecords() {}

    /**
     * {@code cache_lookup_options}.
     *
     * @param mem guest memory
     * @param ptr the record's address
     * @param mask the call's {@code cache_lookup_options_mask}
     * @return the record
     */
    public static CacheLookupOptions lookupOptions(GuestBytes mem, int ptr, int mask) {
        CacheLookupOptions o = new CacheLookupOptions();
        if (mask == 0) {
            return o;
        }
        byte[] r = mem.read(ptr, CacheLookupOptions.SIZE);
        o.requestHeaders = i32(r, 0);
        if ((mask & CacheLookupOptions.MASK_SERVICE_ID) != 0) {
            o.serviceId = mem.read(i32(r, 4), i32(r, 8));
        }
        return o;
    }

    /**
     * {@code cache_write_options}.
     *
     * @param mem guest memory
     * @param ptr the record's address
     * @param mask the call's {@code cache_write_options_mask}
     * @return the record
     */
    public static CacheWriteOptions writeOptions(GuestBytes mem, int ptr, int mask) {
        byte[] r = mem.read(ptr, CacheWriteOptions.SIZE);
        CacheWriteOptions o = new CacheWriteOptions();
        o.maxAgeNs = i64(r, 0);
        o.requestHeaders = i32(r, 8);
        if ((mask & CacheWriteOptions.MASK_VARY_RULE) != 0) {
            o.varyRule = mem.read(i32(r, 12), i32(r, 16));
        }
        o.initialAgeNs = i64(r, 24);
        o.staleWhileRevalidateNs = i64(r, 32);
        if ((mask & CacheWriteOptions.MASK_SURROGATE_KEYS) != 0) {
            o.surrogateKeys = mem.read(i32(r, 40), i32(r, 44));
        }
        o.length = i64(r, 48);
        if ((mask & CacheWriteOptions.MASK_USER_METADATA) != 0) {
            o.userMetadata = mem.read(i32(r, 56), i32(r, 60));
        }
        o.edgeMaxAgeNs = i64(r, 64);
        if ((mask & CacheWriteOptions.MASK_SERVICE_ID) != 0) {
            o.serviceId = mem.read(i32(r, 72), i32(r, 76));
        }
        return o;
    }

    /**
     * {@code cache_replace_options}.
     *
     * @param mem guest memory
     * @param ptr the record's address
     * @param mask the call's {@code cache_replace_options_mask}
     * @return the record
     */
    public static CacheReplaceOptions replaceOptions(GuestBytes mem, int ptr, int mask) {
        CacheReplaceOptions o = new CacheReplaceOptions();
        if (mask == 0) {
            return o;
        }
        byte[] r = mem.read(ptr, CacheReplaceOptions.SIZE);
        o.requestHeaders = i32(r, 0);
        o.replaceStrategy = i32(r, 4);
        if ((mask & CacheReplaceOptions.MASK_SERVICE_ID) != 0) {
            o.serviceId = mem.read(i32(r, 8), i32(r, 12));
        }
        return o;
    }

    /**
     * {@code cache_get_body_options}, as the {@code byte[]} the hostcall takes.
     *
     * @param mem guest memory
     * @param ptr the record's address
     * @return 16 bytes
     */
    public static byte[] getBodyOptions(GuestBytes mem, int ptr) {
        return mem.read(ptr, GET_BODY_OPTIONS_SIZE);
    }

    /**
     * {@code purge_options}: the return buffer's address and length, and the address of its written count.
     *
     * @param mem guest memory
     * @param ptr the record's address
     * @return {@code {ret_buf_ptr, ret_buf_len, ret_buf_nwritten_out}}
     */
    public static int[] purgeOptions(GuestBytes mem, int ptr) {
        byte[] r = mem.read(ptr, PURGE_OPTIONS_SIZE);
        return new int[] {i32(r, 0), i32(r, 4), i32(r, 8)};
    }

    private static int i32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }

    private static long i64(byte[] b, int off) {
        return (i32(b, off) & 0xFFFFFFFFL) | (long) i32(b, off + 4) << 32;
    }
}
