package io.github.computejava.host.readthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.host.CacheOverride;
import io.github.computejava.host.HeaderList;
import io.github.computejava.host.ResponseHead;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Properties of header parsing and freshness computation: exact for valid input, never a crash for any. */
class CachingPropertiesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final long MAX = CacheDirectives.MAX_DELTA_SECONDS;
    private static final DateTimeFormatter IMF = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC850 = DateTimeFormatter.ofPattern(
                    "EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC);

    @Property
    void directiveParsingNeverFails(@ForAll("fieldValues") String value) {
        CacheDirectives d = CacheDirectives.parse(value);
        for (String name : d.names()) {
            assertTrue(d.has(name));
            OptionalLong s = d.seconds(name);
            assertTrue(s.getAsLong() >= 0 && s.getAsLong() <= MAX);
        }
    }

    @Property
    void generatedDirectivesAreReadBackWithTheFirstOccurrenceWinning(
            @ForAll("directiveLists") List<Map.Entry<String, String>> directives, @ForAll boolean split) {
        List<String> rendered = new ArrayList<>();
        Map<String, String> expected = new LinkedHashMap<>();
        for (Map.Entry<String, String> d : directives) {
            String name = d.getKey();
            String value = d.getValue();
            String member;
            if (value == null) {
                member = name;
            } else if (value.chars().allMatch(c -> Character.isLetterOrDigit(c))) {
                member = name + "=" + value;
            } else {
                member = name + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            }
            rendered.add(member);
            if (!expected.containsKey(name.toLowerCase(Locale.ROOT))) {
                expected.put(name.toLowerCase(Locale.ROOT), value);
            }
        }
        CacheDirectives d =
                split ? CacheDirectives.parse(rendered) : CacheDirectives.parse(String.join(", ", rendered));
        assertEquals(List.copyOf(expected.keySet()), d.names());
        expected.forEach((name, value) -> assertEquals(Optional.ofNullable(value), d.argument(name)));
    }

    @Property
    void deltaSecondsReadsNonNegativeIntegersAndClampsThem(@ForAll @LongRange(min = 0) long n) {
        assertEquals(Math.min(n, MAX), CacheDirectives.deltaSeconds(Long.toString(n)));
        assertEquals(MAX, CacheDirectives.deltaSeconds("1" + n + "0000000000"));
        assertEquals(Math.min(n, MAX), CacheDirectives.deltaSeconds("000" + n));
    }

    @Property
    void deltaSecondsIsZeroForAnythingElse(@ForAll("notDigits") String s) {
        assertEquals(0, CacheDirectives.deltaSeconds(s));
    }

    @Property
    void httpDatesRoundTripInAllThreeForms(@ForAll("instants") Instant t) {
        assertEquals(Optional.of(t), HttpDates.parse(IMF.format(t), NOW));
        assertEquals(Optional.of(t), HttpDates.parse(ASCTIME.format(t), NOW));
        Instant recent = NOW.minus(Duration.ofDays(Math.floorMod(t.getEpochSecond(), 365L * 49)));
        Instant second = recent.minusNanos(recent.getNano());
        assertEquals(Optional.of(second), HttpDates.parse(RFC850.format(second), NOW));
    }

    @Property
    void dateParsingNeverFails(@ForAll("fieldValues") String value) {
        HttpDates.parse(value, NOW);
    }

    @Property
    void theLifetimeComesFromTheFirstSourcePresentInFastlysOrder(
            @ForAll("maybeSeconds") Long surrogate,
            @ForAll("maybeSeconds") Long sMaxage,
            @ForAll("maybeSeconds") Long maxAge,
            @ForAll("maybeSeconds") Long expiresIn,
            @ForAll @LongRange(min = 0, max = 100_000) long age) {
        HeaderList h = new HeaderList();
        if (surrogate != null) {
            h.append("Surrogate-Control", "max-age=" + surrogate);
        }
        List<String> cc = new ArrayList<>();
        if (maxAge != null) {
            cc.add("max-age=" + maxAge);
        }
        if (sMaxage != null) {
            cc.add("s-maxage=" + sMaxage);
        }
        if (!cc.isEmpty()) {
            h.append("Cache-Control", String.join(", ", cc));
        }
        if (expiresIn != null) {
            h.append("Date", IMF.format(NOW));
            h.append("Expires", IMF.format(NOW.plusSeconds(expiresIn)));
        }
        h.append("Age", Long.toString(age));
        Freshness f = Freshness.of(h, NOW, Duration.ofSeconds(3600));

        long lifetime;
        Freshness.Source source;
        if (surrogate != null) {
            lifetime = surrogate;
            source = Freshness.Source.SURROGATE_CONTROL;
        } else if (sMaxage != null) {
            lifetime = sMaxage;
            source = Freshness.Source.S_MAXAGE;
        } else if (maxAge != null) {
            lifetime = maxAge;
            source = Freshness.Source.MAX_AGE;
        } else if (expiresIn != null) {
            lifetime = expiresIn;
            source = Freshness.Source.EXPIRES;
        } else {
            lifetime = 3600;
            source = Freshness.Source.DEFAULT;
        }
        assertEquals(Math.min(lifetime, MAX), f.lifetimeSeconds());
        assertEquals(source, f.source());
        assertEquals(age, f.initialAgeSeconds());
        assertEquals(Math.max(0, Math.min(lifetime, MAX) - age), f.remainingSeconds());
        assertEquals(f.remainingSeconds() > 0, f.freshOnArrival());
    }

    @Property
    void expiresBeforeDateIsAlreadyStale(@ForAll @LongRange(min = 0, max = 10_000_000) long before) {
        HeaderList h = Headers.of("Date", IMF.format(NOW), "Expires", IMF.format(NOW.minusSeconds(before)));
        assertEquals(0, Freshness.of(h, NOW, Duration.ofSeconds(3600)).lifetimeSeconds());
    }

    @Property
    void aTtlOverrideNeverMakesAnUncacheableResponseStorable(
            @ForAll("statuses") int status,
            @ForAll("responseHeaders") HeaderList headers,
            @ForAll @IntRange(min = 0) int ttl) {
        CachePolicy policy = CachePolicy.fastly();
        ResponseHead response = new ResponseHead(status, headers);
        CachePolicy.Decision plain = policy.evaluate(response, NOW, CacheOverride.NONE);
        CachePolicy.Decision overridden =
                policy.evaluate(response, NOW, new CacheOverride(CacheOverride.TTL, ttl, 0, null));
        assertEquals(plain.action(), overridden.action());
        if (overridden.action() == StorageAction.INSERT) {
            // the override counts from arrival: fresh for ttl seconds whatever Age the origin reported
            Freshness f = overridden.freshness();
            assertEquals(Math.min(Integer.toUnsignedLong(ttl), MAX), f.remainingSeconds());
            assertEquals(f.initialAgeSeconds() + f.remainingSeconds(), f.lifetimeSeconds());
        }
    }

    @Example
    void aTtlOverrideWithAnAgedResponseIsFreshForTheWholeTtl() {
        HeaderList aged = new HeaderList();
        aged.append("Age", "1");
        aTtlOverrideNeverMakesAnUncacheableResponseStorable(200, aged, 0);
        aTtlOverrideNeverMakesAnUncacheableResponseStorable(200, aged, 30);
    }

    @Property
    void freshnessNeverFailsOnArbitraryHeaders(@ForAll("responseHeaders") HeaderList headers) {
        Freshness f = Freshness.of(headers, NOW, Duration.ofSeconds(3600));
        assertTrue(f.lifetimeSeconds() >= 0 && f.lifetimeSeconds() <= MAX);
        assertTrue(f.initialAgeSeconds() >= 0 && f.initialAgeSeconds() <= MAX);
        assertTrue(f.staleWhileRevalidateSeconds() >= 0 && f.staleIfErrorSeconds() >= 0);
        assertTrue(f.remainingSeconds() <= f.lifetimeSeconds());
    }

    @Provide
    Arbitrary<String> fieldValues() {
        Arbitrary<String> junk = Arbitraries.strings().ofMaxLength(80);
        Arbitrary<String> cacheish = Arbitraries.strings()
                .withChars("max-age=s-maxage,private\"\\ \t;=0123456789-stale-while-revalidate")
                .ofMaxLength(60);
        return Arbitraries.oneOf(junk, cacheish);
    }

    @Provide
    Arbitrary<List<Map.Entry<String, String>>> directiveLists() {
        Arbitrary<String> names = Arbitraries.of(
                "max-age", "s-maxage", "private", "no-store", "public", "Stale-While-Revalidate", "x-ext", "MAX-AGE");
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings()
                        .withChars("abc ,;=\"\\xyz-")
                        .ofMinLength(1)
                        .ofMaxLength(10));
        return Combinators.combine(names, values)
                .as((n, v) -> Map.entry(n, v == null ? "\u0000" : v))
                .map(e -> e.getValue().equals("\u0000") ? new NullableEntry(e.getKey(), null) : e)
                .list()
                .ofMaxSize(8);
    }

    @Provide
    Arbitrary<String> notDigits() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(20).filter(s -> s.chars()
                .anyMatch(c -> c < '0' || c > '9'));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs()
                .between(
                        Instant.parse("1000-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("9999-12-31T23:59:59Z").getEpochSecond())
                .map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Long> maybeSeconds() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.longs().between(0, 10_000_000),
                Arbitraries.longs().between(MAX - 5, MAX + 5));
    }

    @Provide
    Arbitrary<Integer> statuses() {
        return Arbitraries.oneOf(
                Arbitraries.of(200, 203, 300, 301, 302, 404, 410),
                Arbitraries.integers().between(100, 999));
    }

    @Provide
    Arbitrary<HeaderList> responseHeaders() {
        Arbitrary<String> names = Arbitraries.of(
                "Cache-Control",
                "Surrogate-Control",
                "Expires",
                "Date",
                "Age",
                "Set-Cookie",
                "Vary",
                "Surrogate-Key",
                "X-Other");
        Arbitrary<String> values = Arbitraries.oneOf(
                fieldValues(),
                Arbitraries.of(
                        "max-age=60",
                        "private",
                        "no-store",
                        "s-maxage=99999999999999999999",
                        "max-age=-1",
                        "0",
                        "Sun, 01 Mar 2026 13:00:00 GMT",
                        "Sunday, 01-Mar-26 13:00:00 GMT",
                        "*",
                        "stale-while-revalidate=30, stale-if-error=\"60\""));
        return Combinators.combine(names, values)
                .as((n, v) -> new String[] {n, v.replace('\r', ' ').replace('\n', ' ')})
                .list()
                .ofMaxSize(6)
                .map(fields -> {
                    HeaderList h = new HeaderList();
                    for (String[] f : fields) {
                        h.append(f[0], f[1]);
                    }
                    return h;
                });
    }

    /** A map entry whose value may be null (Map.entry refuses nulls). */
    private static final class NullableEntry implements Map.Entry<String, String> {
        private final String key;
        private final String value;

        NullableEntry(String key, String value) {
            this.key = key;
            this.value = value;
        }

        @Override
        public String getKey() {
            return key;
        }

        @Override
        public String getValue() {
            return value;
        }

        @Override
        public String setValue(String v) {
            throw new UnsupportedOperationException();
        }
    }
}
