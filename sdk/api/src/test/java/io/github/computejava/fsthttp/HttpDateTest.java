package io.github.computejava.fsthttp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class HttpDateTest {
    @Property
    void formatMatchesTheJdkAndParsesBack(@ForAll @LongRange(min = 0, max = 253_402_300_799L) long seconds) {
        long millis = seconds * 1000;
        String formatted = HttpDate.format(millis);

        assertEquals(
                DateTimeFormatter.RFC_1123_DATE_TIME
                        .format(Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.UTC))
                        .replaceFirst(", (\\d) ", ", 0$1 "),
                formatted);
        assertEquals(Optional.of(millis), HttpDate.parse(formatted));
    }

    @Test
    void parsesTheObsoleteAndCookieForms() {
        long expected = Instant.parse("1994-11-06T08:49:37Z").toEpochMilli();
        assertEquals(Optional.of(expected), HttpDate.parse("Sun, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(Optional.of(expected), HttpDate.parse("Sunday, 06-Nov-94 08:49:37 GMT"));
        assertEquals(Optional.of(expected), HttpDate.parse("Sun Nov  6 08:49:37 1994"));
        assertEquals(Optional.of(expected), HttpDate.parse("Sun, 06-Nov-1994 08:49:37 GMT"));
    }

    @Test
    void rejectsWhatIsNotADate() {
        assertEquals(Optional.empty(), HttpDate.parse(""));
        assertEquals(Optional.empty(), HttpDate.parse("tomorrow"));
        assertEquals(Optional.empty(), HttpDate.parse("Sun, 06 Nov 1994"));
        assertEquals(Optional.empty(), HttpDate.parse("Sun, 06 Nov 1994 25:00:00 GMT"));
        assertEquals(Optional.empty(), HttpDate.parse("Sun, 06 Foo 1994 08:49:37 GMT"));
    }
}
