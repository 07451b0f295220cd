package io.github.computejava.internal.wasm;

import io.github.computejava.abi.HttpCacheLookupOptions;
import io.github.computejava.abi.HttpCacheWriteOptions;
import org.teavm.interop.Address;

/**
 * Lays out the {@code fastly_http_cache} records, which hold pointers, in guest memory. A record with u64 fields
 * is written at the 8-aligned address the caller found for it inside a {@code long[]} (the host checks the
 * alignment).
 *
 * <p>Nothing here allocates: the caller allocates the array, then takes addresses (here) and makes the hostcall
 * at once, so the garbage collector (which runs only on allocation) cannot move anything in between.
 */
final class GuestRecords {
    /** {@code http_cache_lookup_options}: 16 bytes of u32 fields (an int[] is 4-aligned). */
    static final int LOOKUP_OPTIONS_INTS = HttpCacheLookupOptions.SIZE / 4;

    private GuestRecords() {}

    /** {@code http_cache_lookup_options}: override key at 0/4, backend name at 8/12. */
    static void layOut(int[] record, HttpCacheLookupOptions o) {
        record[0] = address(o.overrideKey);
        record[1] = o.overrideKey == null ? 0 : o.overrideKey.length;
        record[2] = address(o.backendName);
        record[3] = o.backendName == null ? 0 : o.backendName.length;
    }

    /** {@code http_cache_write_options} at the 8-aligned {@code r}, see {@link HttpCacheWriteOptions}. */
    static void layOut(Address r, HttpCacheWriteOptions o) {
        r.putLong(o.maxAgeNs);
        r.add(8).putInt(address(o.varyRule));
        r.add(12).putInt(o.varyRule == null ? 0 : o.varyRuleLen);
        r.add(16).putLong(o.initialAgeNs);
        r.add(24).putLong(o.staleWhileRevalidateNs);
        r.add(32).putInt(address(o.surrogateKeys));
        r.add(36).putInt(o.surrogateKeys == null ? 0 : o.surrogateKeysLen);
        r.add(40).putLong(o.length);
        r.add(48).putLong(o.staleIfErrorNs);
    }

    /**
     * Reads an output {@code http_cache_write_options} at {@code r}: the host points into the buffers the guest
     * gave in {@code in}, so the arrays are those, with the lengths the host wrote.
     */
    static void readBack(Address r, HttpCacheWriteOptions in, HttpCacheWriteOptions out) {
        out.maxAgeNs = r.getLong();
        out.varyRule = in.varyRule;
        out.varyRuleLen = r.add(12).getInt();
        out.initialAgeNs = r.add(16).getLong();
        out.staleWhileRevalidateNs = r.add(24).getLong();
        out.surrogateKeys = in.surrogateKeys;
        out.surrogateKeysLen = r.add(36).getInt();
        out.length = r.add(40).getLong();
        out.staleIfErrorNs = r.add(48).getLong();
    }

    private static int address(byte[] data) {
        return data == null ? 0 : Address.ofData(data).toInt();
    }
}
