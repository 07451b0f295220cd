package io.github.computejava.fsthttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.ComputeException;
import io.github.computejava.HostcallException;
import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.internal.guest.HttpReqGuest;
import org.junit.jupiter.api.Test;

class SendErrorDetailTest {
    private static byte[] detail(int tag) {
        byte[] d = HttpReqGuest.newDetail();
        d[0] = (byte) tag;
        return d;
    }

    private static ComputeException toException(int status, byte[] detail, String backend) {
        return SendErrorDetail.toException(HttpReqGuest.Outcome.failure(status, detail), backend);
    }

    @Test
    void guestAsksForEveryDetailField() {
        byte[] d = HttpReqGuest.newDetail();
        int mask = FastlyHttpReq.SEND_ERROR_MASK_RESERVED
                | FastlyHttpReq.SEND_ERROR_MASK_DNS_ERROR_RCODE
                | FastlyHttpReq.SEND_ERROR_MASK_DNS_ERROR_INFO_CODE
                | FastlyHttpReq.SEND_ERROR_MASK_TLS_ALERT_ID
                | FastlyHttpReq.SEND_ERROR_MASK_H2_ERROR;
        assertEquals(mask, d[FastlyHttpReq.SEND_ERROR_DETAIL_OFF_MASK] & 0xFF);
        assertEquals(FastlyHttpReq.SEND_ERROR_DETAIL_SIZE, d.length);
    }

    @Test
    void destinationNotFoundIsAMissingBackend() {
        ComputeException e = toException(FastlyStatus.INVAL, detail(4), "origin");
        assertInstanceOf(BackendNotFoundException.class, e);
        assertEquals("origin", ((BackendNotFoundException) e).backend());
    }

    @Test
    void invalWithoutDetailIsAlsoAMissingBackend() {
        assertInstanceOf(BackendNotFoundException.class, toException(FastlyStatus.INVAL, detail(0), "x"));
    }

    @Test
    void transportFailuresCarryTheirKind() {
        ComputeException e = toException(FastlyStatus.ERROR, detail(7), "origin");
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
        SendErrorException e = assertInstanceOf(SendErrorException.class, toException(1, d, "origin"));
        assertTrue(e.getMessage().contains("rcode 3"), e.getMessage());
    }

    @Test
    void otherFailuresWithoutDetailAreHostcallErrors() {
        HostcallException e = assertInstanceOf(HostcallException.class, toException(FastlyStatus.BADF, detail(0), "x"));
        assertEquals("fastly_http_req.send_v2", e.hostcall());
    }
}
