package io.github.computejava.internal.wasm;

import io.github.computejava.internal.HttpCacheLookupOptions;
import io.github.computejava.internal.HttpCacheWriteOptions;
import org.teavm.interop.Address;

/**
 * Lays out the {@code fastly_http_cache} records, which hold pointers, in guest memory. Nothing here allocates:
 * a record's array is allocated by the caller before the addresses of the arrays it points to are taken, and the
 * hostcall follows at once, so the garbage collector (which runs only on allocation) cannot move anything in
 * between. Records with u64 fields live in {@code long[]}, so they are 8-aligned as the host expects; a
 * pointer/length pair is one little-endian long (pointer in the low half).
 */
final class GuestRecords {
    /** {@code http_cache_write_options}: 56 bytes. */
    static final int WRITE_OPTIONS_LONGS = HttpCacheWriteOptions.SIZE / 8;

    /** {@code http_cache_lookup_options}: 16 bytes. */
    static final int LOOKUP_OPTIONS_INTS = HttpCacheLookupOptions.SIZE / 4;

    private GuestRecords() {}

    /** {@code http_cache_lookup_options}: override key at 0/4, backend name at 8/12. */
    static void layOut(int[] record, HttpCacheLookupOptions o) {
        record[0] = address(o.overrideKey);
        record[1] = o.overrideKey == null ? 0 : o.overrideKey.length;
        record[2] = address(o.backendName);
        record[3] = o.backendName == null ? 0 : o.backendName.length;
    }

    /** {@code http_cache_write_options}, see {@link HttpCacheWriteOptions}. */
    static void layOut(long[] record, HttpCacheWriteOptions o) {
        record[0] = o.maxAgeNs;
        record[1] = pair(o.varyRule, o.varyRuleLen);
        record[2] = o.initialAgeNs;
        record[3] = o.staleWhileRevalidateNs;
        record[4] = pair(o.surrogateKeys, o.surrogateKeysLen);
        record[5] = o.length;
        record[6] = o.staleIfErrorNs;
    }

    /**
     * Reads an output {@code http_cache_write_options}: the host points into the buffers the guest gave in
     * {@code in}, so the arrays are those, with the lengths the host wrote.
     */
    static void readBack(long[] record, HttpCacheWriteOptions in, HttpCacheWriteOptions out) {
        out.maxAgeNs = record[0];
        out.varyRule = in.varyRule;
        out.varyRuleLen = (int) (record[1] >>> 32);
        out.initialAgeNs = record[2];
        out.staleWhileRevalidateNs = record[3];
        out.surrogateKeys = in.surrogateKeys;
        out.surrogateKeysLen = (int) (record[4] >>> 32);
        out.length = record[5];
        out.staleIfErrorNs = record[6];
    }

    private static long pair(byte[] data, int len) {
        if (data == null) {
            return 0;
        }
        return address(data) & 0xFFFFFFFFL | (long) len << 32;
    }

    private static int address(byte[] data) {
        return data == null ? 0 : Address.ofData(data).toInt();
    }
}
