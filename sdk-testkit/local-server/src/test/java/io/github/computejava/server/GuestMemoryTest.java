package io.github.computejava.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.github.computejava.abi.FastlyStatus;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GuestMemoryTest {
    static final int SIZE = 65536;

    private static GuestMemory oneTestPage() {
        return new GuestMemory(new ByteArrayMemory(new MemoryLimits(1, 1)));
    }

    @Test
    void readsAndWritesInsideMemory() {
        GuestMemory m = oneTestPage();
        m.write(100, new byte[] {1, 2, 3}, 0, 3);
        assertArrayEquals(new byte[] {1, 2, 3}, m.bytes(100, 3));
        m.u32(200, 0xCAFEBABE);
        assertEquals(0xCAFEBABE, m.u32(200));
        m.u64(208, -1L);
        assertEquals(-1L, m.u64(208));
    }

    @Test
    void aRangeEndingExactlyAtTheEndIsInside() {
        GuestMemory m = oneTestPage();
        assertEquals(4, m.bytes(SIZE - 4, 4).length);
        assertEquals(0, m.bytes(SIZE, 0).length);
    }

    @Test
    void aRangePastTheEndIsInval() {
        GuestMemory m = oneTestPage();
        GuestFault f = assertThrows(GuestFault.class, () -> m.bytes(SIZE - 3, 4));
        assertEquals(FastlyStatus.INVAL, f.status());
        assertEquals(
                FastlyStatus.INVAL,
                assertThrows(GuestFault.class, () -> m.bytes(SIZE + 1, 0)).status());
    }

    @Test
    void pointersAndLengthsAreUnsignedSoTheyCannotWrapAround() {
        GuestMemory m = oneTestPage();
        // -1 is 4 GiB - 1, and 16 + 0xFFFFFFF0 would wrap to 0 in 32-bit arithmetic
        assertEquals(
                FastlyStatus.INVAL,
                assertThrows(GuestFault.class, () -> m.bytes(-1, 1)).status());
        assertEquals(
                FastlyStatus.INVAL,
                assertThrows(GuestFault.class, () -> m.bytes(16, 0xFFFFFFF0)).status());
        assertEquals(
                FastlyStatus.INVAL,
                assertThrows(GuestFault.class, () -> m.u32s(0, -1)).status());
    }

    @Test
    void misalignedTypedPointersAreBadalign() {
        GuestMemory m = oneTestPage();
        assertEquals(
                FastlyStatus.BADALIGN,
                assertThrows(GuestFault.class, () -> m.u32(2, 1)).status());
        assertEquals(
                FastlyStatus.BADALIGN,
                assertThrows(GuestFault.class, () -> m.u64(4, 1)).status());
        assertEquals(
                FastlyStatus.BADALIGN,
                assertThrows(GuestFault.class, () -> m.u16(1, 1)).status());
        m.u64(8, 7);
        assertEquals(7, m.u64(8));
    }

    @Test
    void aStringThatIsNotUtf8IsInval() {
        GuestMemory m = oneTestPage();
        m.write(0, new byte[] {(byte) 0xC3, (byte) 0x28}, 0, 2);
        assertEquals(
                FastlyStatus.INVAL,
                assertThrows(GuestFault.class, () -> m.utf8(0, 2)).status());
        m.write(0, "héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, 6);
        assertEquals("héllo", m.utf8(0, 6));
    }

    @Property
    void anyRangeIsReadIffItLiesInMemory(@ForAll int ptr, @ForAll @IntRange(min = 0, max = 70000) int len) {
        GuestMemory m = oneTestPage();
        long end = Integer.toUnsignedLong(ptr) + len;
        if (end <= SIZE) {
            assertEquals(len, m.bytes(ptr, len).length);
        } else {
            assertEquals(
                    FastlyStatus.INVAL,
                    assertThrows(GuestFault.class, () -> m.bytes(ptr, len)).status());
        }
    }

    @Property
    void anyWriteOutsideMemoryChangesNothing(@ForAll int ptr, @ForAll @IntRange(min = 1, max = 300) int len) {
        GuestMemory m = oneTestPage();
        byte[] data = new byte[len];
        java.util.Arrays.fill(data, (byte) 7);
        long end = Integer.toUnsignedLong(ptr) + len;
        if (end > SIZE) {
            assertThrows(GuestFault.class, () -> m.write(ptr, data, 0, len));
            assertArrayEquals(new byte[SIZE], m.bytes(0, SIZE));
        } else {
            m.write(ptr, data, 0, len);
            assertArrayEquals(data, m.bytes(ptr, len));
        }
    }
}
