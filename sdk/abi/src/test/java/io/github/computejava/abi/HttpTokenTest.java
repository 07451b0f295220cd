package io.github.computejava.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HttpTokenTest {
    /** RFC 9110 §5.6.2: tchar is ALPHA, DIGIT or one of the fifteen listed marks, and nothing else in any char. */
    @Test
    void tcharIsExactlyTheRfcsSet() {
        String marks = "!#$%&'*+-.^_`|~";
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            boolean expected =
                    c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || marks.indexOf(c) >= 0;
            assertEquals(expected, HttpToken.isTokenChar((char) c), "char " + c);
        }
    }

    @Test
    void aTokenIsOneOrMoreTchars() {
        assertTrue(HttpToken.isToken("Cache-Control"));
        assertTrue(HttpToken.isToken("x"));
        assertFalse(HttpToken.isToken(""));
        assertFalse(HttpToken.isToken("bad name"));
        assertFalse(HttpToken.isToken("caf\u00e9"));
        assertFalse(HttpToken.isToken("a:b"));
    }
}
