package io.github.computejava.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.computejava.HostcallException;
import io.github.computejava.abi.FastlyStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptiveBufferTest {
    @Test
    void fitsFirstTime() {
        FakeMemory memory = new FakeMemory();
        byte[] got = AdaptiveBuffer.get(memory.single("GET"), 16, "fastly_http_req.method_get");
        assertArrayEquals("GET".getBytes(StandardCharsets.US_ASCII), got);
        assertEquals(List.of(16), memory.bufferSizesSeen);
    }

    @Test
    void retriesOnceWithTheSizeTheHostAsksFor() {
        FakeMemory memory = new FakeMemory();
        String url = "https://example.com/" + "a".repeat(3000);
        byte[] got = AdaptiveBuffer.get(memory.single(url), 1024, "fastly_http_req.uri_get");
        assertEquals(url, new String(got, StandardCharsets.ISO_8859_1));
        assertEquals(List.of(1024, url.length()), memory.bufferSizesSeen);
    }

    @Test
    void exactFitNeedsNoRetry() {
        FakeMemory memory = new FakeMemory();
        byte[] got = AdaptiveBuffer.get(memory.single("12345678"), 8, "x.y");
        assertEquals(8, got.length);
        assertEquals(List.of(8), memory.bufferSizesSeen);
    }

    @Test
    void noneMeansNoValue() {
        assertNull(AdaptiveBuffer.get((buf, len, nw) -> FastlyStatus.NONE, 8, "fastly_config_store.get"));
    }

    @Test
    void bufLenWithoutAHintGrowsGeometrically() {
        int[] calls = {0};
        byte[] got = AdaptiveBuffer.get(
                (buf, len, nw) -> {
                    calls[0]++;
                    if (len < 64) {
                        nw[0] = 0; // a host that gives no size
                        return FastlyStatus.BUFLEN;
                    }
                    buf[0] = 'x';
                    nw[0] = 1;
                    return FastlyStatus.OK;
                },
                8,
                "x.y");
        assertArrayEquals(new byte[] {'x'}, got);
        assertEquals(4, calls[0]); // 8, 16, 32, 64
    }

    @Test
    void otherStatusesBecomeExceptionsNamingTheHostcall() {
        HostcallException e = assertThrows(
                HostcallException.class,
                () -> AdaptiveBuffer.get((buf, len, nw) -> FastlyStatus.BADF, 8, "fastly_http_req.uri_get"));
        assertEquals("fastly_http_req.uri_get", e.hostcall());
        assertEquals("badf", e.status());
    }

    @Test
    void aHostClaimingMoreBytesThanTheBufferIsAnError() {
        assertThrows(
                HostcallException.class,
                () -> AdaptiveBuffer.get(
                        (buf, len, nw) -> {
                            nw[0] = len + 1;
                            return FastlyStatus.OK;
                        },
                        8,
                        "x.y"));
    }
}
