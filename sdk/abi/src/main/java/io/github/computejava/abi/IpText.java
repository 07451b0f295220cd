package io.github.computejava.abi;

/** IP address literals to and from the octets the host takes (TeaVM has no {@code java.net.InetAddress}). */
public final class IpText {
    private IpText() {}

    /**
     * The octets of an IPv4 ({@code 192.0.2.1}) or IPv6 ({@code 2001:db8::1}, {@code ::ffff:192.0.2.1}) literal.
     *
     * @param text the literal, without brackets or a zone
     * @return 4 octets for IPv4, 16 for IPv6
     * @throws IllegalArgumentException if {@code text} is not an IP address literal
     * @throws NullPointerException if {@code text} is null
     */
    public static byte[] parse(String text) {
        byte[] octets = text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text, 0, text.length());
        if (octets == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address literal");
        }
        return octets;
    }

    /** Dotted quad in text[from, to), or null. */
    private static byte[] ipv4(String text, int from, int to) {
        byte[] out = new byte[4];
        int part = 0;
        int i = from;
        while (part < 4) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                value = value * 10 + (text.charAt(i) - '0');
                i++;
            }
            int len = i - start;
            // no empty parts, no values over 255, no leading zeros (they read as octal elsewhere)
            if (len == 0 || value > 255 || (len > 1 && text.charAt(start) == '0')) {
                return null;
            }
            out[part++] = (byte) value;
            if (part < 4) {
                if (i >= to || text.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
        }
        return i == to ? out : null;
    }

    private static byte[] ipv6(String text) {
        int n = text.length();
        int[] groups = new int[8];
        int count = 0;
        int gap = -1; // where "::" stands, as a group index
        int i = 0;
        if (text.startsWith("::")) {
            gap = 0;
            i = 2;
            if (n == 2) {
                return new byte[16];
            }
        }
        while (i < n) {
            if (count == 8) {
                return null;
            }
            int start = i;
            int value = 0;
            while (i < n && i - start < 4 && Character.digit(text.charAt(i), 16) >= 0) {
                value = value * 16 + Character.digit(text.charAt(i), 16);
                i++;
            }
            if (i < n && text.charAt(i) == '.') {
                // an IPv4 tail fills the last two groups
                if (count > 6 || ipv4(text, start, n) == null) {
                    return null;
                }
                byte[] v4 = ipv4(text, start, n);
                groups[count++] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
                groups[count++] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
                i = n;
                break;
            }
            if (i == start) {
                return null;
            }
            groups[count++] = value;
            if (i == n) {
                break;
            }
            if (text.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < n && text.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = count;
                i++;
                if (i == n) {
                    break;
                }
            } else if (i == n) {
                return null; // a trailing single ':'
            }
        }
        if (gap < 0 ? count != 8 : count > 7) {
            return null;
        }
        byte[] out = new byte[16];
        int tail = count - (gap < 0 ? count : gap);
        for (int g = 0; g < count; g++) {
            int at = gap >= 0 && g >= gap ? 8 - tail + (g - gap) : g;
            out[2 * at] = (byte) (groups[g] >>> 8);
            out[2 * at + 1] = (byte) groups[g];
        }
        return out;
    }

    /**
     * The text form of an address: a dotted quad for 4 octets, RFC 5952's form for 16.
     *
     * @param octets the address, from its first byte
     * @param length how many octets it has: 4 or 16
     * @return the text form
     * @throws IllegalArgumentException if {@code length} is neither 4 nor 16
     */
    public static String format(byte[] octets, int length) {
        if (length == 4) {
            return (octets[0] & 0xFF) + "." + (octets[1] & 0xFF) + "." + (octets[2] & 0xFF) + "." + (octets[3] & 0xFF);
        }
        if (length != 16) {
            throw new IllegalArgumentException("length: an IP address has 4 or 16 octets, not " + length);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((octets[2 * i] & 0xFF) << 8) | (octets[2 * i + 1] & 0xFF);
        }
        // the longest run of two or more zero groups becomes "::"
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
