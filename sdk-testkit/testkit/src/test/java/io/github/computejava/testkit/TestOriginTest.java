package io.github.computejava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.fsthttp.SendErrorKind;
import org.junit.jupiter.api.Test;

class TestOriginTest {
    @Test
    void sendErrorKindsMapToTheAbisTags() {
        assertEquals(FastlyHttpReq.SEND_ERROR_TAG_DNS_TIMEOUT, TestOrigin.tag(SendErrorKind.DNS_TIMEOUT));
        assertEquals(
                FastlyHttpReq.SEND_ERROR_TAG_DESTINATION_NOT_FOUND,
                TestOrigin.tag(SendErrorKind.DESTINATION_NOT_FOUND));
        assertEquals(FastlyHttpReq.SEND_ERROR_TAG_CONNECTION_REFUSED, TestOrigin.tag(SendErrorKind.CONNECTION_REFUSED));
        assertEquals(
                FastlyHttpReq.SEND_ERROR_TAG_HTTP_RESPONSE_TIMEOUT,
                TestOrigin.tag(SendErrorKind.HTTP_RESPONSE_TIMEOUT));
        assertEquals(FastlyHttpReq.SEND_ERROR_TAG_INTERNAL_ERROR, TestOrigin.tag(SendErrorKind.INTERNAL_ERROR));
        assertEquals(FastlyHttpReq.SEND_ERROR_TAG_H2_ERROR, TestOrigin.tag(SendErrorKind.H2_ERROR));
    }
}
