package io.github.computejava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.fsthttp.SendErrorKind;
import org.junit.jupiter.api.Test;

class TestOriginTest {
    /** Every kind a test can script reaches the program as the witx tag of the same name. */
    @Test
    void everySendErrorKindMapsToTheAbisTagOfTheSameName() throws ReflectiveOperationException {
        for (SendErrorKind kind : SendErrorKind.values()) {
            if (kind == SendErrorKind.UNKNOWN) {
                continue;
            }
            int abiTag = FastlyHttpReq.class
                    .getField("SEND_ERROR_TAG_" + kind.name())
                    .getInt(null);
            assertEquals(abiTag, TestOrigin.tag(kind), kind.name());
        }
    }
}
