package io.github.computejava.host.readthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CacheDirectivesTest {
    @Test
    void readsDirectivesWithAndWithoutArguments() {
        CacheDirectives d = CacheDirectives.parse("public, max-age=60, s-maxage=300");
        assertTrue(d.has("public"));
        assertEquals(OptionalLong.of(60), d.seconds("max-age"));
        assertEquals(OptionalLong.of(300), d.seconds("S-MAXAGE"));
        assertEquals(List.of("public", "max-age", "s-maxage"), d.names());
    }

    @Test
    void namesAreCaseInsensitive() {
        CacheDirectives d = CacheDirectives.parse("Max-Age=5, PRIVATE");
        assertEquals(OptionalLong.of(5), d.seconds("max-age"));
        assertTrue(d.has("private"));
    }

    @Test
    void quotedArgumentsAreUnquotedAndMayHoldCommas() {
        CacheDirectives d = CacheDirectives.parse("private=\"Set-Cookie, X-Foo\", max-age=\"7\", x=\"a\\\"b\"");
        assertEquals(Optional.of("Set-Cookie, X-Foo"), d.argument("private"));
        assertEquals(Optional.of("7"), d.argument("max-age"));
        assertEquals(Optional.of("a\"b"), d.argument("x"));
    }

    @Test
    void aQuotedDeltaSecondsIsIgnoredAsFastlyIgnoresIt() {
        // observed on Fastly: max-age="3600" is not a max-age (RFC 9111 section 5.2 would accept it)
        CacheDirectives d = CacheDirectives.parse("max-age=\"3600\", s-maxage=\"60\"");
        assertTrue(d.has("max-age"));
        assertEquals(OptionalLong.empty(), d.seconds("max-age"));
        assertEquals(OptionalLong.empty(), d.seconds("s-maxage"));
    }

    @Test
    void deltaSecondsCountTheirLeadingDigitsAsFastlyDoes() {
        assertEquals(
                OptionalLong.of(3600), CacheDirectives.parse("max-age=3600a").seconds("max-age"));
        assertEquals(
                OptionalLong.of(3600), CacheDirectives.parse("max-age=3600.5").seconds("max-age"));
        assertEquals(
                OptionalLong.of(3600), CacheDirectives.parse("max-age=3600.0").seconds("max-age"));
        assertEquals(OptionalLong.of(1), CacheDirectives.parse("max-age=1.5").seconds("max-age"));
    }

    @Test
    void surrogateControlNamesAreCaseSensitive() {
        CacheDirectives d = CacheDirectives.parseCaseSensitive(List.of("MaX-aGe=60, no-store"));
        assertFalse(d.has("max-age"));
        assertEquals(OptionalLong.empty(), d.seconds("max-age"));
        assertEquals(OptionalLong.of(60), d.seconds("MaX-aGe"));
        assertTrue(d.has("no-store"));
        assertFalse(d.has("NO-STORE"));
        assertEquals(List.of("MaX-aGe", "no-store"), d.names());
    }

    @Test
    void theFirstOccurrenceOfADirectiveCounts() {
        CacheDirectives d = CacheDirectives.parse(List.of("max-age=10", "max-age=20, max-age=30"));
        assertEquals(OptionalLong.of(10), d.seconds("max-age"));
    }

    @Test
    void linesAreOneList() {
        CacheDirectives d = CacheDirectives.parse(List.of("public", "s-maxage=9"));
        assertTrue(d.has("public"));
        assertEquals(OptionalLong.of(9), d.seconds("s-maxage"));
    }

    @Test
    void invalidSecondsCountAsZero() {
        assertEquals(OptionalLong.of(0), CacheDirectives.parse("max-age=-5").seconds("max-age"));
        assertEquals(OptionalLong.of(0), CacheDirectives.parse("max-age=abc").seconds("max-age"));
        assertEquals(OptionalLong.of(0), CacheDirectives.parse("max-age").seconds("max-age"));
        assertEquals(OptionalLong.of(0), CacheDirectives.parse("max-age=").seconds("max-age"));
        assertEquals(OptionalLong.of(0), CacheDirectives.parse("max-age=.5").seconds("max-age"));
        assertEquals(OptionalLong.empty(), CacheDirectives.parse("public").seconds("max-age"));
    }

    @Test
    void hugeSecondsAreClampedToTwoToTheThirtyOne() {
        assertEquals(
                OptionalLong.of(2147483648L),
                CacheDirectives.parse("max-age=99999999999999999999999999").seconds("max-age"));
        assertEquals(
                OptionalLong.of(2147483648L),
                CacheDirectives.parse("max-age=2147483649").seconds("max-age"));
        assertEquals(
                OptionalLong.of(2147483647L),
                CacheDirectives.parse("max-age=2147483647").seconds("max-age"));
    }

    @Test
    void junkIsSkippedAndTheRestIsKept() {
        CacheDirectives d = CacheDirectives.parse(",, ;;; , =5, max-age=4 junk, no-store ,\"q\", s-maxage=8,");
        assertFalse(d.has("max-age"));
        assertTrue(d.has("no-store"));
        assertEquals(OptionalLong.of(8), d.seconds("s-maxage"));
    }

    @Test
    void anUnterminatedQuoteEndsTheField() {
        CacheDirectives d = CacheDirectives.parse("max-age=3, private=\"unterminated, no-store");
        assertEquals(OptionalLong.of(3), d.seconds("max-age"));
        assertEquals(Optional.of("unterminated, no-store"), d.argument("private"));
        assertFalse(d.has("no-store"));
    }

    @Test
    void whitespaceAroundMembersIsAllowed() {
        CacheDirectives d = CacheDirectives.parse("  max-age = 12 \t,\tpublic  ");
        assertEquals(OptionalLong.of(12), d.seconds("max-age"));
        assertTrue(d.has("public"));
    }

    @Test
    void emptyFieldHasNoDirectives() {
        assertTrue(CacheDirectives.parse("").isEmpty());
        assertTrue(CacheDirectives.parse(List.of()).isEmpty());
    }
}
