package io.github.computejava.fsthttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.ComputeException;
import io.github.computejava.HostcallException;
import io.github.computejava.abi.FastlyStatus;
import org.junit.jupiter.api.Test;

class SendErrorDetailTest {
    private static byte[] detail(int tag) {
        byte[] d = SendErrorDetail.newBuffer();
        d[0] = (byte) tag;
        return d;
    }

    @Test
    void guestAsksForEveryDetailField() {
        assertEquals(SendErrorDetail.MASK_ALL, SendErrorDetail.u32(SendErrorDetail.newBuffer(), 4));
        assertEquals(20, SendErrorDetail.newBuffer().length);
    }

    @Test
    void destinationNotFoundIsAMissingBackend() {
        ComputeException e = SendErrorDetail.toException(FastlyStatus.INVAL, detail(4), "origin");
        assertInstanceOf(BackendNotFoundException.class, e);
        assertEquals("origin", ((BackendNotFoundException) e).backend());
    }

    @Test
    void invalWithoutDetailIsAlsoAMissingBackend() {
        assertInstanceOf(
                BackendNotFoundException.class, SendErrorDetail.toException(FastlyStatus.INVAL, detail(0), "x"));
    }

    @Test
    void transportFailuresCarryTheirKind() {
        ComputeException e = SendErrorDetail.toException(FastlyStatus.ERROR, detail(7), "origin");
        SendErrorException s = assertInstanceOf(SendErrorException.class, e);
        assertEquals(SendErrorKind.CONNECTION_REFUSED, s.kind());
        assertTrue(s.getMessage().contains("connection refused"), s.getMessage());
        assertEquals(SendErrorKind.H2_ERROR, SendErrorKind.fromTag(25));
        assertEquals(25, SendErrorKind.H2_ERROR.tag());
        assertEquals(SendErrorKind.UNKNOWN, SendErrorKind.fromTag(99));
    }

    /** Each witx tag from 2 on is the kind of the same name, both ways; nothing is left out on either side. */
    @Test
    void everyAbiTagIsTheKindOfTheSameName() throws IllegalAccessException {
        int tags = 0;
        for (java.lang.reflect.Field f : io.github.computejava.abi.FastlyHttpReq.class.getFields()) {
            String name = f.getName();
            if (!name.startsWith("SEND_ERROR_TAG_") || name.endsWith("_UNINITIALIZED") || name.endsWith("_OK")) {
                continue;
            }
            SendErrorKind kind = SendErrorKind.valueOf(name.substring("SEND_ERROR_TAG_".length()));
            assertEquals(kind, SendErrorKind.fromTag(f.getInt(null)), name);
            assertEquals(f.getInt(null), kind.tag(), name);
            tags++;
        }
        assertEquals(SendErrorKind.values().length - 1, tags, "one kind per tag, besides UNKNOWN");
    }

    @Test
    void dnsErrorReportsRcodeWhenTheHostSetIt() {
        byte[] d = detail(3);
        d[4] = 2; // mask: dns_error_rcode set
        d[8] = 3; // NXDOMAIN
        SendErrorException e = assertInstanceOf(SendErrorException.class, SendErrorDetail.toException(1, d, "origin"));
        assertTrue(e.getMessage().contains("rcode 3"), e.getMessage());
    }

    @Test
    void otherFailuresWithoutDetailAreHostcallErrors() {
        HostcallException e = assertInstanceOf(
                HostcallException.class, SendErrorDetail.toException(FastlyStatus.BADF, detail(0), "x"));
        assertEquals("fastly_http_req.send_v2", e.hostcall());
    }
}
