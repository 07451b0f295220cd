package io.github.computejava.host.readthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpDatesTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant EXAMPLE = Instant.parse("1994-11-06T08:49:37Z");

    @Test
    void readsTheThreeFormsOfRfc9110() {
        assertEquals(Optional.of(EXAMPLE), HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT", NOW));
        assertEquals(Optional.of(EXAMPLE), HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW));
        assertEquals(Optional.of(EXAMPLE), HttpDates.parse("Sun Nov  6 08:49:37 1994", NOW));
    }

    @Test
    void theLenientReadingTakesNearMissesAsTheDateTheyName() {
        Instant nine = Instant.parse("1994-11-06T09:49:37Z");
        assertEquals(Optional.of(nine), HttpDates.parseLenient("Sun, 06 Nov 1994 9:49:37 GMT", NOW), "one-digit hour");
        assertEquals(Optional.of(EXAMPLE), HttpDates.parseLenient("Sun, 6 Nov 1994 08:49:37 GMT", NOW));
        assertEquals(Optional.of(EXAMPLE), HttpDates.parseLenient("Sun,  06 Nov  1994 08:49:37   GMT", NOW));
        assertEquals(Optional.of(EXAMPLE), HttpDates.parseLenient("06 Nov 1994 08:49:37 GMT", NOW), "no day name");
        assertEquals(Optional.of(EXAMPLE), HttpDates.parseLenient("Sunday, 6-Nov-94 08:49:37 GMT", NOW));
        assertEquals(Optional.of(EXAMPLE), HttpDates.parseLenient("Sun Nov  6 08:49:37 1994", NOW), "strict forms too");
        assertTrue(HttpDates.parse("Sun, 06 Nov 1994 9:49:37 GMT", NOW).isEmpty(), "not for the strict reading");
        assertTrue(HttpDates.parseLenient("Sun, 06 Nov 1994 08:49:37 CET", NOW).isEmpty(), "GMT only");
        assertTrue(HttpDates.parseLenient("Sun, 06 Nov 994 08:49:37 GMT", NOW).isEmpty());
        assertTrue(HttpDates.parseLenient("Sun, 32 Nov 1994 08:49:37 GMT", NOW).isEmpty());
        assertTrue(HttpDates.parseLenient("0", NOW).isEmpty());
        assertTrue(HttpDates.parseLenient("", NOW).isEmpty());
    }

    @Test
    void namesAreCaseInsensitiveAndSurroundingSpaceIsIgnored() {
        assertEquals(Optional.of(EXAMPLE), HttpDates.parse("  sun, 06 NOV 1994 08:49:37 GMT ", NOW));
    }

    @Test
    void twoDigitYearsFarInTheFutureMeanTheLastCentury() {
        assertEquals(
                Optional.of(Instant.parse("2070-01-01T00:00:00Z")),
                HttpDates.parse("Wednesday, 01-Jan-70 00:00:00 GMT", NOW));
        assertEquals(
                Optional.of(Instant.parse("1977-01-01T00:00:00Z")),
                HttpDates.parse("Saturday, 01-Jan-77 00:00:00 GMT", NOW));
    }

    @Test
    void rejectsWhatIsNotAnHttpDate() {
        for (String bad : new String[] {
            "0",
            "-1",
            "",
            "tomorrow",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 32 Nov 1994 08:49:37 GMT",
            "Sun, 06 Foo 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 25:49:37 GMT",
            "Sun, 06 Nov 1994 08:49 GMT",
            "Xyz, 06 Nov 1994 08:49:37 GMT",
            "Sun, 6 Nov 1994 08:49:37 GMT",
            "Sun, 31 Feb 1994 08:49:37 GMT",
            "2026-01-01T00:00:00Z",
            "Funday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov 6 08:49:37 1994"
        }) {
            assertTrue(HttpDates.parse(bad, NOW).isEmpty(), bad);
        }
    }

    @Test
    void aLeapSecondIsReadAsTheSecondBefore() {
        assertEquals(
                Optional.of(Instant.parse("2016-12-31T23:59:59Z")),
                HttpDates.parse("Sat, 31 Dec 2016 23:59:60 GMT", NOW));
    }
}
