package io.github.computejava.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.computejava.HostcallException;
import io.github.computejava.abi.FastlyStatus;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class MultiValueTest {
    @Test
    void readsAllValuesInOneRoundWhenTheyFit() {
        FakeMemory memory = new FakeMemory();
        List<String> got = MultiValue.read(memory.multi(List.of("a", "bb", "ccc")), 64, "h");
        assertEquals(List.of("a", "bb", "ccc"), got);
        assertEquals(List.of(0), memory.cursorsSeen);
    }

    @Test
    void followsTheCursorAcrossRounds() {
        FakeMemory memory = new FakeMemory();
        List<String> got = MultiValue.read(memory.multi(List.of("aaaa", "bbbb", "cccc")), 11, "h");
        assertEquals(List.of("aaaa", "bbbb", "cccc"), got);
        // 11 bytes hold two 5-byte values: cursor 0 then 2
        assertEquals(List.of(0, 2), memory.cursorsSeen);
    }

    @Test
    void growsTheBufferWhenOneValueDoesNotFit() {
        FakeMemory memory = new FakeMemory();
        String big = "v".repeat(5000);
        List<String> got = MultiValue.read(memory.multi(List.of("x", big, "y")), 16, "h");
        assertEquals(List.of("x", big, "y"), got);
        assertEquals(List.of(16, 16, 5001, 5001), memory.bufferSizesSeen);
        assertEquals(List.of(0, 1, 1, 2), memory.cursorsSeen);
    }

    @Test
    void emptyListAndNone() {
        assertEquals(List.of(), MultiValue.read(new FakeMemory().multi(List.of()), 8, "h"));
        assertEquals(List.of(), MultiValue.read((b, l, c, e, n) -> FastlyStatus.NONE, 8, "h"));
    }

    @Test
    void aHostThatMakesNoProgressIsAnErrorNotALoop() {
        assertThrows(
                HostcallException.class,
                () -> MultiValue.read(
                        (b, l, c, e, n) -> {
                            e[0] = 0;
                            n[0] = 0;
                            return FastlyStatus.OK;
                        },
                        8,
                        "h"));
    }

    @Test
    void encodesEachValueNulTerminated() {
        assertArrayEquals(new byte[] {'a', 0, 'b', 'c', 0, 0}, MultiValue.encode(List.of("a", "bc", "")));
    }

    @Property
    void roundTripsAnyValuesThroughAnyBufferSize(
            @ForAll @Size(max = 12) List<@StringLength(max = 40) @CharRange(from = 1, to = 255) String> values,
            @ForAll @IntRange(min = 1, max = 64) int initialSize) {
        FakeMemory memory = new FakeMemory();
        List<String> got = MultiValue.read(memory.multi(values), initialSize, "h");
        assertEquals(values, got);
        // the values the SDK would send back decode to the same list
        byte[] encoded = MultiValue.encode(values);
        List<String> decoded = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < encoded.length; i++) {
            if (encoded[i] == 0) {
                decoded.add(Text.latin1(encoded, start, i - start));
                start = i + 1;
            }
        }
        assertEquals(values, decoded);
    }
}
