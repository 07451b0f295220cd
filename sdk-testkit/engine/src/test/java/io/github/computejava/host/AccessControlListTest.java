package io.github.computejava.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.host.edge.AccessControlList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Longest-prefix matching, the JSON form and refusals of malformed entries. */
class AccessControlListTest {
    private static byte[] ip(String literal) {
        // not InetAddress: it turns IPv4-mapped IPv6 literals into IPv4 addresses
        return io.github.computejava.abi.IpText.parse(literal);
    }

    private static String match(AccessControlList acl, String address) throws Exception {
        return acl.lookup(ip(address)).map(AccessControlList.Entry::toString).orElse("none");
    }

    @Test
    void theLongestPrefixWinsAndOfEqualPrefixesTheLaterOne() throws Exception {
        AccessControlList acl = AccessControlList.parse("{\"entries\":["
                + "{\"op\":\"create\",\"prefix\":\"192.168.100.0/16\",\"action\":\"BLOCK\"},"
                + "{\"prefix\":\"192.168.100.0/24\",\"action\":\"allow\"},"
                + "{\"prefix\":\"192.168.100.0/8\",\"action\":\"BLOCK\"},"
                + "{\"prefix\":\"10.1.2.3/32\",\"action\":\"BLOCK\"},"
                + "{\"prefix\":\"10.1.2.3/32\",\"action\":\"ALLOW\"}]}");
        assertEquals("192.168.100.0/24 ALLOW", match(acl, "192.168.100.1"));
        assertEquals("192.168.0.0/16 BLOCK", match(acl, "192.168.200.1"));
        assertEquals("192.0.0.0/8 BLOCK", match(acl, "192.1.1.1"));
        assertEquals("none", match(acl, "1.1.1.1"));
        assertEquals("10.1.2.3/32 ALLOW", match(acl, "10.1.2.3"));
        assertEquals("none", match(acl, "10.1.2.4"));
        // IPv4 prefixes never match IPv6 addresses, not even IPv4-mapped ones
        assertEquals("none", match(acl, "::ffff:192.168.100.1"));
    }

    @Test
    void ipv6PrefixesMatchOnBitsNotGroupsAndPrintCompressed() throws Exception {
        AccessControlList acl = AccessControlList.parse("{\"entries\":["
                + "{\"prefix\":\"2001:DB8::/32\",\"action\":\"ALLOW\"},"
                + "{\"prefix\":\"2001:db8:abcd:12ff::1/60\",\"action\":\"BLOCK\"},"
                + "{\"prefix\":\"2002::1234:abcd:ffff:c0a8:101/64\",\"action\":\"BLOCK\"},"
                + "{\"prefix\":\"::ffff:10.0.0.0/104\",\"action\":\"BLOCK\"}]}");
        assertEquals("2001:db8:abcd:12f0::/60 BLOCK", match(acl, "2001:db8:abcd:12f7::9"));
        assertEquals("2001:db8::/32 ALLOW", match(acl, "2001:db8:abcd:1300::9"));
        assertEquals("none", match(acl, "2001:db9::1"));
        assertEquals("2002:0:0:1234::/64 BLOCK", match(acl, "2002:0:0:1234:ffff::1"));
        assertEquals("::ffff:a00:0/104 BLOCK", match(acl, "::ffff:10.9.9.9"));
        assertEquals("none", match(acl, "10.9.9.9"));
        assertEquals(
                "{\"action\":\"BLOCK\",\"prefix\":\"2001:db8:abcd:12f0::/60\"}",
                acl.lookup(ip("2001:db8:abcd:12f7::9")).orElseThrow().toJson());
    }

    @Test
    void prefixesAreNormalizedToTheirMask() {
        assertEquals(
                "255.0.0.0/8",
                AccessControlList.Entry.of("255.255.255.255/8", "ALLOW").prefix());
        assertEquals(
                "1.2.2.0/23", AccessControlList.Entry.of("1.2.3.4/23", "ALLOW").prefix());
        assertEquals(
                "1.2.4.0/23",
                AccessControlList.Entry.of("1.2.5.255/23", "ALLOW").prefix());
        assertEquals(
                "2000::/32", AccessControlList.Entry.of("2000::AB/32", "ALLOW").prefix());
        assertEquals(
                "1::1:0:0:1/128",
                AccessControlList.Entry.of("1:0:0:0:1:0:0:1/128", "BLOCK").prefix());
        assertEquals("::/1", AccessControlList.Entry.of("::1/1", "BLOCK").prefix());
        assertEquals(
                "1:0:0:1::/64",
                AccessControlList.Entry.of("1:0:0:1:0:0:0:0/64", "BLOCK").prefix());
        assertEquals(
                "1:0:0:1::/128",
                AccessControlList.Entry.of("1:0:0:1:0:0:0:0/128", "BLOCK").prefix());
    }

    @Test
    void malformedEntriesAreRefusedNamingTheEntry() {
        String[][] cases = {
            {
                "{\"entries\":[{\"prefix\":\"1.2.3.4/33\",\"action\":\"BLOCK\"}]}",
                "entries[0]: prefix \"1.2.3.4/33\": the mask must be a number from 1 to 32"
            },
            {
                "{\"entries\":[{\"prefix\":\"200::/129\",\"action\":\"BLOCK\"}]}",
                "the mask must be a number from 1 to 128"
            },
            {"{\"entries\":[{\"prefix\":\"1.2.3.0/0\",\"action\":\"BLOCK\"}]}", "the mask must be a number from 1 to 32"
            },
            {"{\"entries\":[{\"prefix\":\"200::/none\",\"action\":\"BLOCK\"}]}", "the mask must be"},
            {
                "{\"entries\":[{\"prefix\":\"1.2.3.four/16\",\"action\":\"BLOCK\"}]}",
                "\"1.2.3.four\" is not an IP address"
            },
            {"{\"entries\":[{\"prefix\":\"200::end/32\",\"action\":\"BLOCK\"}]}", "\"200::end\" is not an IP address"},
            {"{\"entries\":[{\"prefix\":\"1::2::3/32\",\"action\":\"BLOCK\"}]}", "\"1::2::3\" is not an IP address"},
            {"{\"entries\":[{\"prefix\":\"1.2.3.4\",\"action\":\"BLOCK\"}]}", "is not ADDRESS/MASK"},
            {"{\"entries\":[{\"prefix\":\"example.com/8\",\"action\":\"BLOCK\"}]}", "is not an IP address"},
            {
                "{\"entries\":[{\"prefix\":\"1.2.3.0/24\",\"action\":\"POTATO\"}]}",
                "entries[0]: action \"POTATO\" is neither ALLOW nor BLOCK"
            },
            {"{\"entries\":[{\"prefix\":\"1.2.3.0/24\"}]}", "entries[0].action must be a string"},
            {
                "{\"entries\":[{\"prefix\":\"1.2.3.0/24\",\"action\":\"BLOCK\"},{\"action\":\"BLOCK\"}]}",
                "entries[1].prefix must be a string"
            },
            {"{\"entries\":[\"1.2.3.0/24\"]}", "entries[0] must be an object"},
            {"{\"entries\":{}}", "with an \"entries\" array"},
            {"[]", "with an \"entries\" array"},
            {"{\"entries\":[", "not valid JSON"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> AccessControlList.parse(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
        }
    }

    @Test
    void lookupsTakeFourOrSixteenOctets() {
        AccessControlList acl = new AccessControlList(List.of(AccessControlList.Entry.of("0.0.0.0/1", "ALLOW")));
        assertEquals(Optional.empty(), acl.lookup(new byte[] {(byte) 128, 0, 0, 1}));
        assertEquals(
                "0.0.0.0/1", acl.lookup(new byte[] {127, 0, 0, 1}).orElseThrow().prefix());
        assertThrows(IllegalArgumentException.class, () -> acl.lookup(new byte[5]));
    }
}
