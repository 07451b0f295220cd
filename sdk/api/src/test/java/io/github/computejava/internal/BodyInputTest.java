package io.github.computejava.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.computejava.HostcallException;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one stream over a host body that requests, responses and cached objects share. */
class BodyInputTest {
    private static final int HANDLE = 7;

    /** A host with one body: its chunks, then the end, or {@code httpincomplete} when cut; it records closes. */
    private static final class FakeBody {
        final List<byte[]> chunks = new ArrayList<>();
        boolean cut;
        int closes;
        int closeStatus = FastlyStatus.OK;

        Hostcalls calls() {
            return (Hostcalls) Proxy.newProxyInstance(
                    Hostcalls.class.getClassLoader(), new Class<?>[] {Hostcalls.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "bodyRead":
                                assertEquals(HANDLE, args[0]);
                                return read((byte[]) args[1], (int) args[2], (int) args[3], (int[]) args[4]);
                            case "bodyClose":
                                assertEquals(HANDLE, args[0]);
                                closes++;
                                return closeStatus;
                            default:
                                throw new AssertionError("unexpected hostcall " + method.getName());
                        }
                    });
        }

        private int read(byte[] buf, int off, int len, int[] nread) {
            if (chunks.isEmpty()) {
                if (cut) {
                    return FastlyStatus.HTTPINCOMPLETE;
                }
                nread[0] = 0;
                return FastlyStatus.OK;
            }
            byte[] c = chunks.remove(0);
            int n = Math.min(len, c.length);
            System.arraycopy(c, 0, buf, off, n);
            if (n < c.length) {
                byte[] rest = new byte[c.length - n];
                System.arraycopy(c, n, rest, 0, rest.length);
                chunks.add(0, rest);
            }
            nread[0] = n;
            return FastlyStatus.OK;
        }
    }

    private static FakeBody body(String... chunks) {
        FakeBody b = new FakeBody();
        for (String c : chunks) {
            b.chunks.add(c.getBytes(StandardCharsets.UTF_8));
        }
        return b;
    }

    @Test
    void readsEveryChunkThenStaysAtTheEnd() throws IOException {
        for (boolean cached : new boolean[] {false, true}) {
            FakeBody host = body("hello, ", "world");
            BodyInput in = cached ? BodyInput.ofCachedObject(host.calls(), HANDLE) : BodyInput.of(host.calls(), HANDLE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(12, in.transferTo(out));
            assertEquals("hello, world", out.toString(StandardCharsets.UTF_8));
            assertEquals(-1, in.read());
            assertEquals(-1, in.read(new byte[4], 0, 4));
            assertEquals(0, in.read(new byte[4], 0, 0));
        }
    }

    @Test
    void readsSingleBytesAndChecksBounds() throws IOException {
        BodyInput in = BodyInput.of(body("\u00ff!").calls(), HANDLE);
        assertEquals(0xC3, in.read());
        assertEquals(0xBF, in.read());
        assertEquals('!', in.read());
        assertEquals(-1, in.read());
        assertThrows(IndexOutOfBoundsException.class, () -> in.read(new byte[2], 1, 2));
    }

    @Test
    void closesTheHandleOnceAndThenRefusesReads() {
        FakeBody host = body("x");
        BodyInput in = BodyInput.of(host.calls(), HANDLE);
        in.close();
        in.close();
        assertEquals(1, host.closes);
        assertFalse(in.open());
        IOException e = assertThrows(IOException.class, in::read);
        assertEquals("body is closed", e.getMessage());

        BodyInput cached = BodyInput.ofCachedObject(body("x").calls(), HANDLE);
        cached.close();
        assertEquals(
                "the cached body is closed",
                assertThrows(IOException.class, cached::read).getMessage());
    }

    @Test
    void aHandleTheHostAlreadyReleasedClosesQuietlyButOtherFailuresThrow() {
        FakeBody released = body();
        released.closeStatus = FastlyStatus.BADF;
        BodyInput.of(released.calls(), HANDLE).close();

        FakeBody failing = body();
        failing.closeStatus = FastlyStatus.ERROR;
        HostcallException e = assertThrows(HostcallException.class, () -> BodyInput.of(failing.calls(), HANDLE)
                .close());
        assertEquals("fastly_http_body.close", e.hostcall());
        assertEquals(FastlyStatus.name(FastlyStatus.ERROR), e.status());
    }

    @Test
    void aHandedOverHandleIsNotClosedHere() {
        FakeBody host = body("x");
        BodyInput in = BodyInput.of(host.calls(), HANDLE);
        assertEquals(HANDLE, in.takeHandle());
        assertFalse(in.open());
        in.close();
        assertEquals(0, host.closes);
    }

    @Test
    void aBodyCutShortFailsTheReadAsAHostcallButACachedObjectAsABrokenStream() throws IOException {
        FakeBody response = body("par");
        response.cut = true;
        BodyInput in = BodyInput.of(response.calls(), HANDLE);
        assertArrayEquals("par".getBytes(StandardCharsets.UTF_8), in.readNBytes(3));
        HostcallException e = assertThrows(HostcallException.class, in::read);
        assertEquals("fastly_http_body.read", e.hostcall());
        assertEquals("httpincomplete", e.status());

        FakeBody cachedObject = body("par");
        cachedObject.cut = true;
        BodyInput cached = BodyInput.ofCachedObject(cachedObject.calls(), HANDLE);
        assertArrayEquals("par".getBytes(StandardCharsets.UTF_8), cached.readNBytes(3));
        IOException broken = assertThrows(IOException.class, cached::read);
        assertEquals("the cached object's writer abandoned it before it was complete", broken.getMessage());
    }
}
