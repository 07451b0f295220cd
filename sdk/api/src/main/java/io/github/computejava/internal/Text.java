package io.github.computejava.internal;

import io.github.computejava.abi.HttpToken;
import io.github.computejava.abi.IpText;

/**
 * Byte/string conversions without the JDK charset machinery, which is large once compiled to Wasm.
 *
 * <p>HTTP heads (methods, URLs, header names and values) are Latin-1: every byte maps to one char, so any
 * bytes the host hands over survive a round trip. Bodies and log lines are UTF-8.
 */
public final class Text {
    private Text() {}

    /** Latin-1 bytes of {@code s}; chars above U+00FF become {@code ?}. */
    public static byte[] latin1(String s) {
        int n = s.length();
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            out[i] = c <= 0xFF ? (byte) c : (byte) '?';
        }
        return out;
    }

    /** The string whose chars are the Latin-1 bytes {@code b[off..off+len)}. */
    public static String latin1(byte[] b, int off, int len) {
        char[] chars = new char[len];
        for (int i = 0; i < len; i++) {
            chars[i] = (char) (b[off + i] & 0xFF);
        }
        return new String(chars);
    }

    /** UTF-8 bytes of {@code s}; unpaired surrogates become {@code ?}. */
    public static byte[] utf8(String s) {
        int n = s.length();
        int size = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                size += 1;
            } else if (c < 0x800) {
                size += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                size += 4;
                i++;
            } else {
                size += 3;
            }
        }
        byte[] out = new byte[size];
        int p = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[p++] = (byte) c;
            } else if (c < 0x800) {
                out[p++] = (byte) (0xC0 | (c >> 6));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[p++] = (byte) (0xF0 | (cp >> 18));
                out[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[p++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                out[p++] = (byte) 0xEF;
                out[p++] = (byte) 0xBF;
                out[p++] = (byte) 0xBD;
            } else {
                out[p++] = (byte) (0xE0 | (c >> 12));
                out[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return out;
    }

    /**
     * Decodes UTF-8. Each maximal ill-formed subsequence becomes one U+FFFD, the Unicode-recommended practice the
     * JDK also follows.
     */
    public static String utf8(byte[] b, int off, int len) {
        char[] out = new char[len];
        int p = 0;
        int end = off + len;
        int i = off;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                out[p++] = (char) c;
                i++;
                continue;
            }
            int need;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                if (c == 0xE0) {
                    lo = 0xA0;
                } else if (c == 0xED) {
                    hi = 0x9F;
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                if (c == 0xF0) {
                    lo = 0x90;
                } else if (c == 0xF4) {
                    hi = 0x8F;
                }
            } else {
                out[p++] = '\uFFFD';
                i++;
                continue;
            }
            int cp = c & (0x3F >> need);
            int j = i + 1;
            int got = 0;
            while (got < need && j < end) {
                int x = b[j] & 0xFF;
                if (x < (got == 0 ? lo : 0x80) || x > (got == 0 ? hi : 0xBF)) {
                    break;
                }
                cp = (cp << 6) | (x & 0x3F);
                j++;
                got++;
            }
            i = j;
            if (got < need) {
                out[p++] = '\uFFFD';
            } else if (cp >= 0x10000) {
                // four bytes in, two chars out: the output never outgrows the input length
                out[p++] = Character.highSurrogate(cp);
                out[p++] = Character.lowSurrogate(cp);
            } else {
                out[p++] = (char) cp;
            }
        }
        return new String(out, 0, p);
    }

    /** ASCII-only lower-casing, the right fold for header names (and free of locale tables). */
    public static String asciiLower(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                break;
            }
            i++;
        }
        if (i == n) {
            return s;
        }
        char[] chars = s.toCharArray();
        for (; i < n; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + 32);
            }
        }
        return new String(chars);
    }

    /** Whether {@code c} may appear in an RFC 9110 token (header names, methods): {@link HttpToken#isTokenChar}. */
    public static boolean isTokenChar(char c) {
        return HttpToken.isTokenChar(c);
    }

    /** Whether {@code s} is a non-empty RFC 9110 token: {@link HttpToken#isToken}. */
    public static boolean isToken(String s) {
        return HttpToken.isToken(s);
    }

    /**
     * The octets of an IP address literal: {@link IpText#parse}.
     *
     * @throws IllegalArgumentException if {@code address} is not an IPv4 or IPv6 literal
     */
    public static byte[] ipOctets(String address) {
        return IpText.parse(address);
    }
}
