package io.github.computejava.fsthttp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class FormatsTest {
    @Property
    void httpDateMatchesTheJdkRfc1123Formatter(@ForAll @LongRange(min = 0, max = 253402300799L) long seconds) {
        String jdk = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.UTC));
        // the JDK writes single-digit days without padding; IMF-fixdate pads them
        String[] parts = jdk.split(" ");
        if (parts[1].length() == 1) {
            parts[1] = "0" + parts[1];
        }
        assertEquals(String.join(" ", parts), HttpDate.format(seconds * 1000 + 999));
    }

    @Test
    void knownDate() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDate.format(784111777000L));
    }

    @Test
    void ipAddressesInTextForm() {
        assertEquals(
                "192.0.2.1", io.github.computejava.abi.IpText.format(new byte[] {(byte) 192, 0, 2, 1, 0, 0, 0, 0}, 4));
        byte[] v6 = new byte[16];
        v6[0] = 0x20;
        v6[1] = 0x01;
        v6[2] = 0x0d;
        v6[3] = (byte) 0xb8;
        v6[15] = 1;
        assertEquals("2001:db8::1", io.github.computejava.abi.IpText.format(v6, 16));
        byte[] loop = new byte[16];
        loop[15] = 1;
        assertEquals("::1", io.github.computejava.abi.IpText.format(loop, 16));
        assertEquals("::", io.github.computejava.abi.IpText.format(new byte[16], 16));
    }
}
