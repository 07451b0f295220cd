package io.github.computejava.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.HostcallException;
import io.github.computejava.UnsupportedHostcallException;
import io.github.computejava.abi.FastlyStatus;
import org.junit.jupiter.api.Test;

class StatusesTest {
    @Test
    void okPasses() {
        Statuses.check(FastlyStatus.OK, "fastly_http_body.new");
    }

    @Test
    void everyErrorStatusNamesTheHostcallAndTheStatus() {
        String[] names = {
            "error",
            "inval",
            "badf",
            "buflen",
            "unsupported",
            "badalign",
            "httpinvalid",
            "httpuser",
            "httpincomplete",
            "none",
            "httpheadtoolarge",
            "httpinvalidstatus",
            "limitexceeded",
            "again"
        };
        for (int status = 1; status <= 14; status++) {
            int s = status;
            HostcallException e =
                    assertThrows(HostcallException.class, () -> Statuses.check(s, "fastly_http_req.send_v2"));
            assertEquals(names[status - 1], e.status());
            assertEquals("fastly_http_req.send_v2", e.hostcall());
            assertTrue(e.getMessage().contains("fastly_http_req.send_v2 returned " + names[status - 1]));
        }
    }

    @Test
    void unsupportedHasItsOwnType() {
        assertInstanceOf(
                UnsupportedHostcallException.class,
                Statuses.toException(FastlyStatus.UNSUPPORTED, "fastly_cache.get_hits"));
    }

    @Test
    void unknownStatusesStillReport() {
        assertEquals("status(99)", Statuses.toException(99, "x.y").status());
    }
}
