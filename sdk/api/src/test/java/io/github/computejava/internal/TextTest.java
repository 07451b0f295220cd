package io.github.computejava.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TextTest {
    @Property
    void utf8MatchesTheJdkForWellFormedText(@ForAll String s) {
        // the JDK replaces unpaired surrogates with '?', we write U+FFFD: compare only well-formed strings
        String wellFormed = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        if (!wellFormed.equals(s)) {
            return;
        }
        byte[] ours = Text.utf8(s);
        assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), ours);
        assertEquals(s, Text.utf8(ours, 0, ours.length));
    }

    @Property
    void utf8DecodingOfArbitraryBytesIsWellFormedAndAgreesWithTheJdkOnValidInput(@ForAll byte[] bytes) {
        String ours = Text.utf8(bytes, 0, bytes.length);
        String jdk = new String(bytes, StandardCharsets.UTF_8);
        if (jdk.indexOf('\uFFFD') < 0) {
            assertEquals(jdk, ours);
        }
        // whatever came in, what comes out encodes and decodes to itself
        assertEquals(ours, new String(ours.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Test
    void eachMaximalIllFormedSubsequenceBecomesOneReplacement() {
        // ED must be followed by 80..9F: ED alone is one subpart, BF another
        assertEquals("\uFFFD\uFFFD", Text.utf8(new byte[] {(byte) 0xED, (byte) 0xBF}, 0, 2));
        // a truncated valid prefix is one replacement
        assertEquals("\uFFFDA", Text.utf8(new byte[] {(byte) 0xE2, (byte) 0x82, 'A'}, 0, 3));
        assertEquals("\u20AC", Text.utf8(new byte[] {(byte) 0xE2, (byte) 0x82, (byte) 0xAC}, 0, 3));
    }

    @Property
    void latin1RoundTripsEveryByte(@ForAll byte[] bytes) {
        assertArrayEquals(bytes, Text.latin1(Text.latin1(bytes, 0, bytes.length)));
    }

    @Test
    void asciiLowerLeavesNonAsciiAlone() {
        assertEquals("content-type", Text.asciiLower("Content-Type"));
        assertEquals("ÄX-y", Text.asciiLower("ÄX-Y").replace("x", "X"));
    }
}
