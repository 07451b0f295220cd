package io.github.computejava.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class IpTextProperties {
    @Property
    void ipv4LiteralsReadAsTheJdkReadsThem(@ForAll @Size(4) byte[] octets) throws UnknownHostException {
        String text = InetAddress.getByAddress(octets).getHostAddress();
        assertArrayEquals(octets, IpText.parse(text));
    }

    @Property
    void ipv6LiteralsReadAsTheJdkReadsThem(@ForAll("ipv6") String text) throws UnknownHostException {
        byte[] jdk = InetAddress.getByName(text).getAddress();
        byte[] ours = IpText.parse(text);
        if (jdk.length == 4) {
            // the JDK turns ::ffff:a.b.c.d into an IPv4 address; the host takes the 16 octets as written
            assertArrayEquals(jdk, java.util.Arrays.copyOfRange(ours, 12, 16));
        } else {
            assertArrayEquals(jdk, ours);
        }
    }

    @Provide
    Arbitrary<String> ipv6() {
        // groups that are often zero, written in full, compressed with "::" or with an IPv4 tail
        Arbitrary<Integer> group =
                Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 0xFFFF));
        return group.array(Integer[].class)
                .ofSize(8)
                .flatMap(g -> Arbitraries.integers().between(0, 2).map(style -> write(g, style)));
    }

    private static String write(Integer[] g, int style) {
        StringBuilder full = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i > 0) {
                full.append(':');
            }
            full.append(Integer.toHexString(g[i]));
        }
        if (style == 0) {
            return full.toString();
        }
        if (style == 1) {
            // the longest run of zero groups becomes "::" (even a run of one, which the parser accepts)
            int bestStart = -1;
            int bestLen = 0;
            for (int i = 0; i < 8; i++) {
                int j = i;
                while (j < 8 && g[j] == 0) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
            }
            if (bestStart < 0) {
                return full.toString();
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < bestStart; i++) {
                sb.append(i > 0 ? ":" : "").append(Integer.toHexString(g[i]));
            }
            sb.append("::");
            for (int i = bestStart + bestLen; i < 8; i++) {
                sb.append(i > bestStart + bestLen ? ":" : "").append(Integer.toHexString(g[i]));
            }
            return sb.toString();
        }
        StringBuilder tail = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            tail.append(Integer.toHexString(g[i])).append(':');
        }
        return tail.append(g[6] >> 8)
                .append('.')
                .append(g[6] & 0xFF)
                .append('.')
                .append(g[7] >> 8)
                .append('.')
                .append(g[7] & 0xFF)
                .toString();
    }

    @Example
    void compressedFormsAndAnIpv4Tail() {
        assertArrayEquals(new byte[16], IpText.parse("::"));
        byte[] one = new byte[16];
        one[15] = 1;
        assertArrayEquals(one, IpText.parse("::1"));
        byte[] doc = new byte[16];
        doc[0] = 0x20;
        doc[1] = 0x01;
        doc[2] = 0x0d;
        doc[3] = (byte) 0xb8;
        assertArrayEquals(doc, IpText.parse("2001:db8::"));
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 192;
        mapped[14] = 2;
        mapped[15] = 1;
        assertArrayEquals(mapped, IpText.parse("::ffff:192.0.2.1"));
        assertArrayEquals(new byte[] {(byte) 192, 0, 2, 1}, IpText.parse("192.0.2.1"));
    }

    @Example
    void anythingElseIsRefused() {
        for (String bad : new String[] {
            "",
            "1.2.3",
            "1.2.3.4.5",
            "256.1.1.1",
            "01.2.3.4",
            "1.2.3.4 ",
            "a.b.c.d",
            "example.com",
            ":",
            ":::",
            "1::2::3",
            "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7",
            "12345::",
            "1:2:3:4:5:6:7:1.2.3.4",
            "::1.2.3",
            "1:",
            ":1",
            "fe80::1%eth0",
            "[::1]",
            "1:2:3:4:5:6:7:8::"
        }) {
            assertThrows(IllegalArgumentException.class, () -> IpText.parse(bad), bad);
        }
    }
}
