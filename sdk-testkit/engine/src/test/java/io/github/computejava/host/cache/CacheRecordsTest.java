package io.github.computejava.host.cache;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computejava.abi.CacheLookupOptions;
import io.github.computejava.abi.CacheWriteOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CacheRecordsTest {
    private final ByteBuffer memory = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);

    private byte[] read(int address, int length) {
        return Arrays.copyOfRange(memory.array(), address, address + length);
    }

    private int put(int address, String text) {
        byte[] b = text.getBytes(US_ASCII);
        System.arraycopy(b, 0, memory.array(), address, b.length);
        return b.length;
    }

    @Test
    void writeOptionsFollowTheWitxLayout() {
        int rec = 1024;
        memory.putLong(rec, 60_000_000_000L);
        memory.putInt(rec + 8, 7);
        memory.putInt(rec + 12, 100).putInt(rec + 16, put(100, "accept cookie"));
        memory.putLong(rec + 24, 5L);
        memory.putLong(rec + 32, 6L);
        memory.putInt(rec + 40, 200).putInt(rec + 44, put(200, "a b"));
        memory.putLong(rec + 48, 1234L);
        memory.putInt(rec + 56, 300).putInt(rec + 60, put(300, "meta"));
        memory.putLong(rec + 64, 9L);
        int all = (1 << 11) - 2;
        CacheWriteOptions o = CacheRecords.writeOptions(this::read, rec, all & ~CacheWriteOptions.MASK_SERVICE_ID);
        assertEquals(60_000_000_000L, o.maxAgeNs);
        assertEquals(7, o.requestHeaders);
        assertEquals("accept cookie", new String(o.varyRule, US_ASCII));
        assertEquals(5L, o.initialAgeNs);
        assertEquals(6L, o.staleWhileRevalidateNs);
        assertEquals("a b", new String(o.surrogateKeys, US_ASCII));
        assertEquals(1234L, o.length);
        assertEquals("meta", new String(o.userMetadata, US_ASCII));
        assertEquals(9L, o.edgeMaxAgeNs);
        // unused pointer fields are not followed
        memory.putInt(rec + 12, -5).putInt(rec + 16, 1 << 30);
        assertArrayEquals(new byte[0], CacheRecords.writeOptions(this::read, rec, 0).varyRule);
    }

    @Test
    void lookupGetBodyAndPurgeRecords() {
        memory.putInt(16, 42);
        assertEquals(
                42, CacheRecords.lookupOptions(this::read, 16, CacheLookupOptions.MASK_REQUEST_HEADERS).requestHeaders);
        memory.putLong(32, 3).putLong(40, 8);
        byte[] body = CacheRecords.getBodyOptions(this::read, 32);
        assertEquals(3, ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).getLong(0));
        memory.putInt(64, 500).putInt(68, 64).putInt(72, 600);
        assertArrayEquals(new int[] {500, 64, 600}, CacheRecords.purgeOptions(this::read, 64));
    }
}
