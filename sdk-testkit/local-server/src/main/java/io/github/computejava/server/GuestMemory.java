package io.github.computejava.server;

import com.dylibso.chicory.runtime.Memory;
import io.github.computejava.abi.FastlyStatus;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The program's linear memory as hostcalls see it. Every pointer and length is checked against the memory's
 * current size (as unsigned 32-bit numbers, so no sum can wrap) and typed pointers against their alignment,
 * before any byte moves: a bad one raises {@link GuestFault} ({@code inval} out of bounds, {@code badalign}
 * misaligned), which fails only that hostcall.
 */
final class GuestMemory {
    private final Memory memory;

    GuestMemory(Memory memory) {
        this.memory = memory;
    }

    /** The memory's size in bytes. */
    long size() {
        return (long) memory.pages() * Memory.PAGE_SIZE;
    }

    /** Checks that {@code [ptr, ptr + len)} lies in memory. */
    void check(int ptr, int len) {
        long start = Integer.toUnsignedLong(ptr);
        long end = start + Integer.toUnsignedLong(len);
        if (end > size()) {
            throw GuestFault.inval(
                    "guest range [" + start + ", " + end + ") is outside memory of " + size() + " bytes");
        }
    }

    private void check(int ptr, int len, int alignment) {
        check(ptr, len);
        if ((ptr & (alignment - 1)) != 0) {
            throw new GuestFault(
                    FastlyStatus.BADALIGN,
                    "guest pointer " + Integer.toUnsignedString(ptr) + " is not aligned to " + alignment + " bytes");
        }
    }

    /** A copy of {@code len} bytes at {@code ptr}. */
    byte[] bytes(int ptr, int len) {
        check(ptr, len);
        return len == 0 ? new byte[0] : memory.readBytes(ptr, len);
    }

    /** The UTF-8 text at {@code ptr} (a witx {@code string}); {@code inval} when it is not UTF-8. */
    String utf8(int ptr, int len) {
        byte[] b = bytes(ptr, len);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))
                    .toString();
        } catch (CharacterCodingException e) {
            throw GuestFault.inval("guest string at " + Integer.toUnsignedString(ptr) + " is not UTF-8");
        }
    }

    /** The bytes of a witx {@code string}, checked to be UTF-8. */
    byte[] utf8Bytes(int ptr, int len) {
        byte[] b = bytes(ptr, len);
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b));
            return b;
        } catch (CharacterCodingException e) {
            throw GuestFault.inval("guest string at " + Integer.toUnsignedString(ptr) + " is not UTF-8");
        }
    }

    /** Writes {@code len} bytes of {@code src} from {@code off} to {@code ptr}. */
    void write(int ptr, byte[] src, int off, int len) {
        check(ptr, len);
        if (len > 0) {
            memory.write(ptr, src, off, len);
        }
    }

    /** Checks that a {@code u16} can be written at {@code ptr}. */
    void checkU16(int ptr) {
        check(ptr, 2, 2);
    }

    /** Checks that a {@code u32} can be written at {@code ptr} (before a call that must not half-happen). */
    void checkU32(int ptr) {
        check(ptr, 4, 4);
    }

    /** Checks that a {@code u64} can be written at {@code ptr}. */
    void checkU64(int ptr) {
        check(ptr, 8, 8);
    }

    int u32(int ptr) {
        check(ptr, 4, 4);
        return memory.readInt(ptr);
    }

    long u64(int ptr) {
        check(ptr, 8, 8);
        return memory.readLong(ptr);
    }

    void u8(int ptr, int value) {
        check(ptr, 1);
        memory.writeByte(ptr, (byte) value);
    }

    void u16(int ptr, int value) {
        check(ptr, 2, 2);
        memory.writeShort(ptr, (short) value);
    }

    void u32(int ptr, int value) {
        check(ptr, 4, 4);
        memory.writeI32(ptr, value);
    }

    void u64(int ptr, long value) {
        check(ptr, 8, 8);
        memory.writeLong(ptr, value);
    }

    /** {@code count} consecutive {@code u32}s (a list of handles). */
    int[] u32s(int ptr, int count) {
        if (count < 0 || count > (1 << 28)) {
            throw GuestFault.inval("guest list of " + Integer.toUnsignedString(count) + " handles is too long");
        }
        check(ptr, count * 4, 4);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = memory.readInt(ptr + 4 * i);
        }
        return out;
    }
}
