package io.github.computejava.host.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading a whole body gives exactly its bytes, whatever length it was expected to have. */
class BodyBufferReadAllTest {
    private static final byte[] HELLO = "hello, body".getBytes(StandardCharsets.UTF_8);

    private static BodyBuffer twoChunks() throws Exception {
        BodyBuffer b = new BodyBuffer();
        b.write(HELLO, 0, 5, false);
        b.write(HELLO, 5, HELLO.length - 5, false);
        b.close();
        return b;
    }

    @Test
    void theExpectedLengthReadsStraightIntoTheResult() throws Exception {
        assertArrayEquals(HELLO, twoChunks().readAll(HELLO.length));
    }

    @Test
    void aBodyShorterOrLongerThanExpectedIsReadWhole() throws Exception {
        assertArrayEquals(HELLO, twoChunks().readAll(HELLO.length + 7));
        assertArrayEquals(HELLO, twoChunks().readAll(3));
        assertArrayEquals(HELLO, twoChunks().readAll(0));
        assertArrayEquals(HELLO, twoChunks().readAll(-1));
        assertArrayEquals(HELLO, twoChunks().readAll());
    }

    @Test
    void aBodyLargerThanTheReadBufferIsReadWhole() throws Exception {
        byte[] big = new byte[100_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        assertArrayEquals(big, BodyBuffer.of(big).readAll(10));
        assertArrayEquals(big, BodyBuffer.of(big).readAll(big.length));
    }
}
