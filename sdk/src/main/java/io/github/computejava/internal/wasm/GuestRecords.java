package io.github.computejava.internal.wasm;

import io.github.computejava.internal.HttpCacheLookupOptions;
import io.github.computejava.internal.HttpCacheWriteOptions;
import org.teavm.interop.Address;

/**
 * Lays out the {@code fastly_http_cache} records, which hold pointers, in guest memory, with the 8-byte alignment
 * the host checks for their u64 fields. TeaVM aligns array objects to 4 bytes only, so a record goes in a byte
 * array with 8 spare bytes, at the offset that makes its address 8-aligned.
 *
 * <p>Nothing here allocates: the caller allocates the array, then takes addresses (here) and makes the hostcall
 * at once, so the garbage collector (which runs only on allocation) cannot move anything in between.
 */
final class GuestRecords {
    /** The bytes to allocate for an {@code http_cache_write_options} record (56) plus alignment slack. */
    static final int WRITE_OPTIONS_BYTES = HttpCacheWriteOptions.SIZE + 8;

    /** {@code http_cache_lookup_options}: 16 bytes of u32 fields (an int[] is 4-aligned). */
    static final int LOOKUP_OPTIONS_INTS = HttpCacheLookupOptions.SIZE / 4;

    private GuestRecords() {}

    /** The offset in {@code b} whose address is 8-aligned. */
    static int align8(byte[] b) {
        return -Address.ofData(b).toInt() & 7;
    }

    /** {@code http_cache_lookup_options}: override key at 0/4, backend name at 8/12. */
    static void layOut(int[] record, HttpCacheLookupOptions o) {
        record[0] = address(o.overrideKey);
        record[1] = o.overrideKey == null ? 0 : o.overrideKey.length;
        record[2] = address(o.backendName);
        record[3] = o.backendName == null ? 0 : o.backendName.length;
    }

    /** {@code http_cache_write_options} at {@code at}, see {@link HttpCacheWriteOptions}. */
    static void layOut(byte[] record, int at, HttpCacheWriteOptions o) {
        putLong(record, at, o.maxAgeNs);
        putInt(record, at + 8, address(o.varyRule));
        putInt(record, at + 12, o.varyRule == null ? 0 : o.varyRuleLen);
        putLong(record, at + 16, o.initialAgeNs);
        putLong(record, at + 24, o.staleWhileRevalidateNs);
        putInt(record, at + 32, address(o.surrogateKeys));
        putInt(record, at + 36, o.surrogateKeys == null ? 0 : o.surrogateKeysLen);
        putLong(record, at + 40, o.length);
        putLong(record, at + 48, o.staleIfErrorNs);
    }

    /**
     * Reads an output {@code http_cache_write_options} at {@code at}: the host points into the buffers the guest
     * gave in {@code in}, so the arrays are those, with the lengths the host wrote.
     */
    static void readBack(byte[] record, int at, HttpCacheWriteOptions in, HttpCacheWriteOptions out) {
        out.maxAgeNs = getLong(record, at);
        out.varyRule = in.varyRule;
        out.varyRuleLen = getInt(record, at + 12);
        out.initialAgeNs = getLong(record, at + 16);
        out.staleWhileRevalidateNs = getLong(record, at + 24);
        out.surrogateKeys = in.surrogateKeys;
        out.surrogateKeysLen = getInt(record, at + 36);
        out.length = getLong(record, at + 40);
        out.staleIfErrorNs = getLong(record, at + 48);
    }

    static long getLong(byte[] b, int at) {
        return getInt(b, at) & 0xFFFFFFFFL | (long) getInt(b, at + 4) << 32;
    }

    private static int address(byte[] data) {
        return data == null ? 0 : Address.ofData(data).toInt();
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    private static void putLong(byte[] b, int at, long v) {
        putInt(b, at, (int) v);
        putInt(b, at + 4, (int) (v >>> 32));
    }

    private static int getInt(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}
