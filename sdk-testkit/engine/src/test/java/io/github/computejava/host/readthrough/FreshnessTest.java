package io.github.computejava.host.readthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.host.http.HeaderList;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FreshnessTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration DEFAULT = Duration.ofSeconds(3600);

    private static Freshness of(String... nameValues) {
        return Freshness.of(Headers.of(nameValues), NOW, DEFAULT);
    }

    @Test
    void surrogateControlWinsOverCacheControl() {
        Freshness f = of("Cache-Control", "s-maxage=30, max-age=10", "Surrogate-Control", "max-age=300");
        assertEquals(300, f.lifetimeSeconds());
        assertEquals(Freshness.Source.SURROGATE_CONTROL, f.source());
    }

    @Test
    void sMaxageWinsOverMaxAgeAndExpires() {
        Freshness f = of(
                "Cache-Control", "max-age=0, s-maxage=300",
                "Expires", "Sun, 01 Mar 2026 13:00:00 GMT");
        assertEquals(300, f.lifetimeSeconds());
        assertEquals(Freshness.Source.S_MAXAGE, f.source());
    }

    @Test
    void maxAgeWinsOverExpires() {
        Freshness f = of("Cache-Control", "max-age=60", "Expires", "Sun, 01 Mar 2026 13:00:00 GMT");
        assertEquals(60, f.lifetimeSeconds());
        assertEquals(Freshness.Source.MAX_AGE, f.source());
    }

    @Test
    void expiresCountsFromDate() {
        Freshness f = of("Date", "Sun, 01 Mar 2026 11:00:00 GMT", "Expires", "Sun, 01 Mar 2026 11:10:00 GMT");
        assertEquals(600, f.lifetimeSeconds());
        assertEquals(Freshness.Source.EXPIRES, f.source());
    }

    @Test
    void expiresWithoutDateCountsFromArrival() {
        assertEquals(120, of("Expires", "Sun, 01 Mar 2026 12:02:00 GMT").lifetimeSeconds());
    }

    @Test
    void expiresWithAnInvalidDateCountsFromArrival() {
        assertEquals(
                120,
                of("Date", "yesterday", "Expires", "Sun, 01 Mar 2026 12:02:00 GMT")
                        .lifetimeSeconds());
    }

    @Test
    void anInvalidOrPastExpiresIsAlreadyExpired() {
        assertEquals(0, of("Expires", "0").lifetimeSeconds());
        assertEquals(0, of("Expires", "Thu, 01 Jan 1970 00:00:00 GMT").lifetimeSeconds());
        assertEquals(Freshness.Source.EXPIRES, of("Expires", "-1").source());
    }

    @Test
    void withoutFreshnessInformationTheDefaultApplies() {
        Freshness f = of("Cache-Control", "public, no-cache");
        assertEquals(3600, f.lifetimeSeconds());
        assertEquals(Freshness.Source.DEFAULT, f.source());
    }

    @Test
    void surrogateControlWithoutMaxAgeFallsThrough() {
        Freshness f = of("Surrogate-Control", "stale-while-revalidate=5", "Cache-Control", "max-age=7");
        assertEquals(7, f.lifetimeSeconds());
        assertEquals(5, f.staleWhileRevalidateSeconds());
    }

    @Test
    void ageIsSubtractedFromTheRemainingFreshness() {
        Freshness f = of("Cache-Control", "max-age=100", "Age", "30");
        assertEquals(100, f.lifetimeSeconds());
        assertEquals(30, f.initialAgeSeconds());
        assertEquals(70, f.remainingSeconds());
        assertTrue(f.freshOnArrival());
        Freshness old = of("Cache-Control", "max-age=100", "Age", "130");
        assertEquals(0, old.remainingSeconds());
        assertFalse(old.freshOnArrival());
    }

    @Test
    void anInvalidAgeIsIgnoredAndAListUsesItsFirstMember() {
        assertEquals(0, of("Age", "abc").initialAgeSeconds());
        assertEquals(12, of("Age", "12, 40").initialAgeSeconds());
        assertEquals(12, of("Age", "12", "Age", "40").initialAgeSeconds());
    }

    @Test
    void anAgeCountsItsLeadingDigitsAsFastlyDoes() {
        assertEquals(7200, of("Cache-Control", "max-age=9000", "Age", "7200.0").initialAgeSeconds());
        assertEquals(
                7200, of("Cache-Control", "max-age=9000", "Age", "7200;foo=bar").initialAgeSeconds());
    }

    @Test
    void aNegativeAgeMakesTheResponseStaleOnArrival() {
        Freshness f = of("Cache-Control", "max-age=600", "Age", "-3");
        assertEquals(600, f.lifetimeSeconds());
        assertFalse(f.freshOnArrival());
        assertEquals(0, f.remainingSeconds());
    }

    @Test
    void withExpiresBasedFreshnessTheAgeStartsAtZero() {
        // Fastly's documentation of the Age header: Expires-based freshness ignores the origin's Age
        Freshness f =
                of("Date", "Sun, 01 Mar 2026 12:00:00 GMT", "Expires", "Sun, 01 Mar 2026 12:10:00 GMT", "Age", "100");
        assertEquals(600, f.lifetimeSeconds());
        assertEquals(0, f.initialAgeSeconds());
        assertEquals(600, f.remainingSeconds());
        assertEquals(
                0, of("Expires", "Sun, 01 Mar 2026 12:10:00 GMT", "Age", "-5").initialAgeSeconds());
    }

    @Test
    void anExpiresThatMissesTheDateFormOnlyByItsSpacingOrAOneDigitHourIsRead() {
        assertEquals(3600, of("Expires", "Sun, 01 Mar 2026 13:00:00 GMT").lifetimeSeconds());
        assertEquals(3600, of("Expires", "Sun,  01 Mar 2026   13:00:00  GMT").lifetimeSeconds());
        assertEquals(60, of("Expires", "Sun, 01 Mar 2026 12:01:00 GMT").lifetimeSeconds());
        assertEquals(
                7 * 60,
                of("Date", "Sun, 01 Mar 2026 9:00:00 GMT", "Expires", "Sun, 01 Mar 2026 9:07:00 GMT")
                        .lifetimeSeconds());
        assertEquals(
                600,
                of("Expires", "Sun, 01 Mar 2026 12:10:00 GMT", "Expires", "Sun, 01 Mar 2026 15:00:00 GMT")
                        .lifetimeSeconds(),
                "the first of repeated lines");
    }

    @Test
    void surrogateControlDirectivesAreCaseSensitive() {
        Freshness f = of("Surrogate-Control", "MaX-aGe=300", "Cache-Control", "max-age=20");
        assertEquals(20, f.lifetimeSeconds());
        assertEquals(Freshness.Source.MAX_AGE, f.source());
    }

    @Test
    void staleDirectivesPreferSurrogateControl() {
        Freshness f = of(
                "Cache-Control", "max-age=10, stale-while-revalidate=1, stale-if-error=2",
                "Surrogate-Control", "stale-if-error=86400");
        assertEquals(1, f.staleWhileRevalidateSeconds());
        assertEquals(86400, f.staleIfErrorSeconds());
    }

    @Test
    void noStaleDirectivesMeansNoStalePeriods() {
        Freshness f = of("Cache-Control", "max-age=10");
        assertEquals(0, f.staleWhileRevalidateSeconds());
        assertEquals(0, f.staleIfErrorSeconds());
    }

    @Test
    void overridesReplaceLifetimeAndStalePeriods() {
        Freshness f = of("Cache-Control", "max-age=10", "Age", "4")
                .withLifetime(30)
                .withStaleWhileRevalidate(5)
                .withStaleIfError(6);
        assertEquals(34, f.lifetimeSeconds(), "an explicit TTL is not reduced by Age");
        assertEquals(4, f.initialAgeSeconds());
        assertEquals(30, f.remainingSeconds());
        assertEquals(5, f.staleWhileRevalidateSeconds());
        assertEquals(6, f.staleIfErrorSeconds());
        assertEquals(Freshness.Source.OVERRIDE, f.source());
    }

    @Test
    void aZeroDefaultLeavesResponsesWithoutInformationStale() {
        Freshness f = Freshness.of(new HeaderList(), NOW, Duration.ZERO);
        assertEquals(0, f.lifetimeSeconds());
    }
}
