package io.github.computejava.internal.guest;

import org.teavm.interop.Address;

/** Addresses of Java arrays in guest memory, as the bindings pass them to imports. Nothing here allocates. */
final class Addresses {
    private Addresses() {}

    /** The address of {@code buf[off]}. */
    static Address at(byte[] buf, int off) {
        return Address.ofData(buf).add(off);
    }

    /**
     * The 8-aligned address inside {@code array}. A u64 out-pointer and a record with u64 fields must be 8-aligned
     * (the host answers badalign otherwise), but TeaVM aligns array data to 4 bytes only: each goes in a long[]
     * one element longer than it needs ({@code new long[2]} for one u64), at this address.
     */
    static Address aligned(long[] array) {
        return Address.align(Address.ofData(array), 8);
    }

    /** {@code b}, or an empty array for null (every array must exist before an address is taken). */
    static byte[] orEmpty(byte[] b) {
        return b == null ? new byte[0] : b;
    }
}
