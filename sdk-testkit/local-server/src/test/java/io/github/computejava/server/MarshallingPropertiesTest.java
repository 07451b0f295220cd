package io.github.computejava.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computejava.abi.FastlyStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Header and body round trips through guest memory: what a program writes with hostcalls it reads back the same,
 * whatever buffer sizes it uses (the {@code buflen} protocol and multi-value cursors included).
 */
class MarshallingPropertiesTest {
    static final int OUT = 0; // out-parameters: 0 handle, 8 cursor (s64), 16 count
    static final int CURSOR = 8;
    static final int COUNT = 16;
    static final int NAME = 1024;
    static final int VALUE = 4096;
    static final int BUF = 32768;

    @Provide
    Arbitrary<List<Tuple.Tuple2<String, String>>> headers() {
        Arbitrary<String> names =
                Arbitraries.strings().withChars("abcXYZ-_0!#").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> values = Arbitraries.strings()
                .withCharRange((char) 0x20, (char) 0xFF)
                .withChars('\t')
                .ofMaxLength(80);
        return Combinators.combine(names, values).as(Tuple::of).list().ofMaxSize(20);
    }

    @Property(tries = 200)
    void headersWrittenByHostcallsReadBackTheSame(
            @ForAll("headers") List<Tuple.Tuple2<String, String>> fields,
            @ForAll @IntRange(min = 1, max = 300) int bufferSize) {
        GuestHarness g = new GuestHarness();
        assertEquals(FastlyStatus.OK, g.call("fastly_http_req", "new", OUT));
        int req = g.u32(OUT);
        Map<String, List<String>> expected = new LinkedHashMap<>();
        Map<String, String> firstSpelling = new LinkedHashMap<>();
        for (Tuple.Tuple2<String, String> f : fields) {
            int nameLen = g.put(NAME, f.get1());
            int valueLen = g.put(VALUE, f.get2());
            assertEquals(
                    FastlyStatus.OK, g.call("fastly_http_req", "header_append", req, NAME, nameLen, VALUE, valueLen));
            String key = f.get1().toLowerCase(Locale.ROOT);
            firstSpelling.putIfAbsent(key, f.get1());
            expected.computeIfAbsent(key, k -> new ArrayList<>()).add(f.get2());
        }

        List<String> names = readAll(
                g,
                bufferSize,
                (cursor, len) -> g.call("fastly_http_req", "header_names_get", req, BUF, len, cursor, CURSOR, COUNT));
        assertEquals(new ArrayList<>(firstSpelling.values()), names);

        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            int nameLen = g.put(NAME, e.getKey());
            List<String> values = readAll(
                    g,
                    bufferSize,
                    (cursor, len) -> g.call(
                            "fastly_http_req",
                            "header_values_get",
                            req,
                            NAME,
                            nameLen,
                            BUF,
                            len,
                            cursor,
                            CURSOR,
                            COUNT));
            assertEquals(e.getValue(), values, "values of " + e.getKey());

            int status = g.call("fastly_http_req", "header_value_get", req, NAME, nameLen, BUF, bufferSize, COUNT);
            byte[] first = e.getValue().get(0).getBytes(StandardCharsets.ISO_8859_1);
            if (first.length <= bufferSize) {
                assertEquals(FastlyStatus.OK, status);
                assertArrayEquals(first, g.bytes(BUF, g.u32(COUNT)));
            } else {
                assertEquals(FastlyStatus.BUFLEN, status);
                assertEquals(first.length, g.u32(COUNT), "buflen reports the size needed");
            }
        }
    }

    /** A multi-value call from a cursor with a buffer length. */
    interface MultiCall {
        int call(int cursor, int len);
    }

    /** Reads a multi-value list as an SDK does: grow the buffer on buflen, follow the cursor to -1. */
    static List<String> readAll(GuestHarness g, int bufferSize, MultiCall call) {
        List<String> out = new ArrayList<>();
        int cursor = 0;
        int len = bufferSize;
        while (true) {
            int status = call.call(cursor, len);
            if (status == FastlyStatus.BUFLEN) {
                int needed = g.u32(COUNT);
                assertEquals(true, needed > len, "buflen asks for more than was given");
                len = needed;
                continue;
            }
            assertEquals(FastlyStatus.OK, status);
            byte[] data = g.bytes(BUF, g.u32(COUNT));
            int start = 0;
            for (int i = 0; i < data.length; i++) {
                if (data[i] == 0) {
                    out.add(new String(data, start, i - start, StandardCharsets.ISO_8859_1));
                    start = i + 1;
                }
            }
            assertEquals(data.length, start, "values are whole and NUL-terminated");
            long next = g.u64(CURSOR);
            if (next < 0) {
                return out;
            }
            assertEquals(true, next > cursor, "the cursor moves forward");
            cursor = (int) next;
            len = bufferSize;
        }
    }

    @Property(tries = 200)
    void bodiesWrittenInChunksReadBackTheSame(
            @ForAll @Size(max = 8) List<@Size(max = 5000) byte[]> chunks,
            @ForAll @IntRange(min = 1, max = 9000) int readSize) {
        GuestHarness g = new GuestHarness();
        assertEquals(FastlyStatus.OK, g.call("fastly_http_body", "new", OUT));
        int body = g.u32(OUT);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (byte[] chunk : chunks) {
            g.put(VALUE, chunk);
            assertEquals(FastlyStatus.OK, g.call("fastly_http_body", "write", body, VALUE, chunk.length, 0, COUNT));
            assertEquals(chunk.length, g.u32(COUNT));
            expected.writeBytes(chunk);
        }
        assertEquals(FastlyStatus.OK, g.call("fastly_http_body", "known_length", body, CURSOR));
        assertEquals(expected.size(), g.u64(CURSOR));

        ByteArrayOutputStream read = new ByteArrayOutputStream();
        while (true) {
            assertEquals(FastlyStatus.OK, g.call("fastly_http_body", "read", body, BUF, readSize, COUNT));
            int n = g.u32(COUNT);
            if (n == 0) {
                break;
            }
            read.writeBytes(g.bytes(BUF, n));
        }
        assertArrayEquals(expected.toByteArray(), read.toByteArray());
    }

    @Property(tries = 100)
    void writingAtTheFrontPutsBytesBeforeEverythingQueued(
            @ForAll @Size(max = 100) byte[] back, @ForAll @Size(max = 100) byte[] front) {
        GuestHarness g = new GuestHarness();
        g.call("fastly_http_body", "new", OUT);
        int body = g.u32(OUT);
        g.put(VALUE, back);
        g.call("fastly_http_body", "write", body, VALUE, back.length, 0, COUNT);
        g.put(VALUE, front);
        assertEquals(FastlyStatus.OK, g.call("fastly_http_body", "write", body, VALUE, front.length, 1, COUNT));

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(front);
        expected.writeBytes(back);
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        while (g.call("fastly_http_body", "read", body, BUF, 64, COUNT) == FastlyStatus.OK && g.u32(COUNT) > 0) {
            read.writeBytes(g.bytes(BUF, g.u32(COUNT)));
        }
        assertArrayEquals(expected.toByteArray(), read.toByteArray());
    }
}
