package io.github.computejava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computejava.fsthttp.SendErrorKind;
import io.github.computejava.host.SendFailure;
import org.junit.jupiter.api.Test;

class TestOriginTest {
    @Test
    void sendErrorKindsMapToTheAbisTags() {
        assertEquals(SendFailure.DNS_TIMEOUT, TestOrigin.tag(SendErrorKind.DNS_TIMEOUT));
        assertEquals(SendFailure.DESTINATION_NOT_FOUND, TestOrigin.tag(SendErrorKind.DESTINATION_NOT_FOUND));
        assertEquals(SendFailure.CONNECTION_REFUSED, TestOrigin.tag(SendErrorKind.CONNECTION_REFUSED));
        assertEquals(SendFailure.HTTP_RESPONSE_TIMEOUT, TestOrigin.tag(SendErrorKind.HTTP_RESPONSE_TIMEOUT));
        assertEquals(SendFailure.INTERNAL_ERROR, TestOrigin.tag(SendErrorKind.INTERNAL_ERROR));
        assertEquals(SendFailure.H2_ERROR, TestOrigin.tag(SendErrorKind.H2_ERROR));
    }
}
