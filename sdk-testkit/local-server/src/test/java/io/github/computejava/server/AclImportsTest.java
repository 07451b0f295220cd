package io.github.computejava.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.edge.AccessControlList;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code fastly_acl} through guest memory, as a program calls it: outputs, statuses and guest pointer checks. */
class AclImportsTest {
    static final int H = 0;
    static final int BODY = 4;
    static final int ERR = 8;
    static final int COUNT = 12;
    static final int NAME = 1024;
    static final int IP = 2048;
    static final int BUF = 8192;
    static final int OUTSIDE = 2 * 65536 - 2; // the harness memory has two pages

    private static GuestHarness harness() {
        return new GuestHarness(HostEngine.builder()
                .acl(
                        "blocklist",
                        AccessControlList.parse("{\"entries\":[{\"prefix\":\"192.0.2.0/24\",\"action\":\"BLOCK\"},"
                                + "{\"prefix\":\"2001:db8::/32\",\"action\":\"ALLOW\"}]}"))
                .build());
    }

    private static int open(GuestHarness g) {
        int len = g.put(NAME, "blocklist");
        assertEquals(FastlyStatus.OK, g.call("fastly_acl", "open", NAME, len, H));
        return g.u32(H);
    }

    @Test
    void aMatchAnswersABodyWithTheEntryAndNoMatchAnswersNoContent() {
        GuestHarness g = harness();
        int acl = open(g);
        g.put(IP, new byte[] {(byte) 192, 0, 2, (byte) 200});
        assertEquals(FastlyStatus.OK, g.call("fastly_acl", "lookup", acl, IP, 4, BODY, ERR));
        assertEquals(1, g.u32(ERR)); // ok
        assertEquals(FastlyStatus.OK, g.call("fastly_http_body", "read", g.u32(BODY), BUF, 4096, COUNT));
        assertEquals(
                "{\"action\":\"BLOCK\",\"prefix\":\"192.0.2.0/24\"}",
                new String(g.bytes(BUF, g.u32(COUNT)), StandardCharsets.UTF_8));

        byte[] v6 = new byte[16];
        v6[0] = 0x20;
        v6[1] = 0x01;
        v6[2] = 0x0d;
        v6[3] = (byte) 0xb8;
        v6[15] = 1;
        g.put(IP, v6);
        assertEquals(FastlyStatus.OK, g.call("fastly_acl", "lookup", acl, IP, 16, BODY, ERR));
        assertEquals(1, g.u32(ERR));

        g.put(IP, new byte[] {(byte) 198, 51, 100, 1});
        g.memory.u32(BODY, 12345);
        assertEquals(FastlyStatus.OK, g.call("fastly_acl", "lookup", acl, IP, 4, BODY, ERR));
        assertEquals(2, g.u32(ERR)); // no_content
        assertEquals(12345, g.u32(BODY), "no body handle is written without a match");
    }

    @Test
    void absentAclsBadHandlesLengthsAndPointersAreRefused() {
        GuestHarness g = harness();
        int other = g.put(NAME, "other");
        assertEquals(FastlyStatus.NONE, g.call("fastly_acl", "open", NAME, other, H));
        assertEquals(FastlyStatus.INVAL, g.call("fastly_acl", "open", OUTSIDE, 10, H));
        int acl = open(g);
        g.put(IP, new byte[] {(byte) 192, 0, 2, 1});
        assertEquals(FastlyStatus.INVAL, g.call("fastly_acl", "lookup", acl, IP, 5, BODY, ERR));
        assertEquals(FastlyStatus.BADF, g.call("fastly_acl", "lookup", acl + 1000, IP, 4, BODY, ERR));
        assertEquals(FastlyStatus.INVAL, g.call("fastly_acl", "lookup", acl, OUTSIDE, 4, BODY, ERR));

        g.memory.u32(ERR, 77);
        assertEquals(FastlyStatus.INVAL, g.call("fastly_acl", "lookup", acl, IP, 4, OUTSIDE, ERR));
        assertEquals(FastlyStatus.BADALIGN, g.call("fastly_acl", "lookup", acl, IP, 4, BODY + 1, ERR));
        assertEquals(FastlyStatus.INVAL, g.call("fastly_acl", "lookup", acl, IP, 4, BODY, OUTSIDE));
        assertEquals(77, g.u32(ERR), "a refused call writes nothing");
    }
}
