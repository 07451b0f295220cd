package io.github.computejava.host.readthrough;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.host.cache.CacheLookup;
import io.github.computejava.host.cache.CacheNamespace;
import io.github.computejava.host.cache.CacheStore;
import io.github.computejava.host.cache.CachedObject;
import io.github.computejava.host.cache.ObjectWriter;
import io.github.computejava.host.http.CacheOverride;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.ResponseHead;
import io.github.computejava.host.http.UpstreamResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of header parsing, freshness computation and the answers a stored response gives conditional and range
 * requests: exact for valid input, never a crash for any, never a body that was not stored.
 */
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
            assertTrue(s.isEmpty() || s.getAsLong() >= 0 && s.getAsLong() <= MAX);
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
    void deltaSecondsReadsTheLeadingDigitsOfAnything(
            @ForAll @LongRange(min = 0) long n, @ForAll("notStartingWithADigit") String rest) {
        // observed on Fastly: max-age=3600a and max-age=3600.5 are 3600
        assertEquals(Math.min(n, MAX), CacheDirectives.deltaSeconds(n + rest));
        assertEquals(0, CacheDirectives.deltaSeconds(rest));
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
        HttpDates.parseLenient(value, NOW);
    }

    @Property
    void theLenientReadingAgreesWithTheStrictOneOnEveryHttpDate(@ForAll("instants") Instant t) {
        assertEquals(Optional.of(t), HttpDates.parseLenient(IMF.format(t), NOW));
        assertEquals(Optional.of(t), HttpDates.parseLenient(ASCTIME.format(t), NOW));
        assertEquals(Optional.of(t), HttpDates.parseLenient(IMF.format(t).replace(" ", "  "), NOW));
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
        // Fastly's documentation of Age: with Expires-based freshness the age starts at 0 whatever Age says
        long initialAge = source == Freshness.Source.EXPIRES ? 0 : age;
        assertEquals(initialAge, f.initialAgeSeconds());
        assertEquals(Math.max(0, Math.min(lifetime, MAX) - initialAge), f.remainingSeconds());
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

    // ---- conditional and range answers from a stored response

    private static final String STORED_LAST_MODIFIED = "Sun, 01 Mar 2026 10:00:00 GMT";

    @Property
    void aStoredResponseAnswersWithItsWholeBodyOrExactlyTheRequestedSliceOfIt(
            @ForAll("bodies") byte[] body,
            @ForAll("methods") String method,
            @ForAll("rangeHeaders") List<String> ranges,
            @ForAll("conditionalHeaders") List<String[]> conditionals,
            @ForAll boolean lengthAnnounced)
            throws Exception {
        HeaderList request = new HeaderList();
        ranges.forEach(r -> request.append("Range", r));
        conditionals.forEach(c -> request.append(c[0], c[1]));
        CachedObject object = store(body, lengthAnnounced);
        UpstreamResponse answer = ReadthroughCache.answer(
                object, ReadthroughCache.meta(object), new RequestHead(method, "http://example.com/x", request), NOW);
        byte[] got = answer.body().readAll();
        HeaderList h = answer.head().headers();
        Statistics.collect(answer.head().status());
        switch (answer.head().status()) {
            case 200:
                assertArrayEquals("HEAD".equals(method) ? new byte[0] : body, got);
                break;
            case 206:
                long[] range = contentRange(h.first("Content-Range"));
                assertEquals(body.length, range[2], "the complete length");
                assertTrue(0 <= range[0] && range[0] <= range[1] && range[1] < body.length, h.first("Content-Range"));
                assertArrayEquals(Arrays.copyOfRange(body, (int) range[0], (int) range[1] + 1), got);
                assertEquals(Integer.toString(got.length), h.first("Content-Length"));
                assertEquals("GET", method);
                break;
            case 304:
                assertEquals(0, got.length);
                assertNull(h.first("Content-Type"));
                break;
            case 416:
                assertEquals(0, got.length);
                assertEquals("bytes */" + body.length, h.first("Content-Range"));
                break;
            default:
                throw new AssertionError("status " + answer.head().status());
        }
        // the generators reach every kind of answer, so this property cannot pass on whole bodies alone
        Statistics.coverage(c -> {
            c.check(200).percentage(p -> p > 5);
            c.check(206).percentage(p -> p > 5);
            c.check(304).percentage(p -> p > 5);
            c.check(416).percentage(p -> p > 1);
        });
    }

    @Property
    void aSingleByteRangeIsAnsweredAsRfc9110Section14Says(
            @ForAll("bodies") byte[] body,
            @ForAll @IntRange(min = -1, max = 300) int first,
            @ForAll @IntRange(min = -1, max = 300) int last)
            throws Exception {
        // first -1: a suffix range of `last` bytes; last -1: an open range
        Assume.that(first >= 0 || last >= 0);
        Assume.that(first < 0 || last < 0 || last >= first);
        String spec = first < 0 ? "-" + last : first + "-" + (last < 0 ? "" : Integer.toString(last));
        int length = body.length;
        int status;
        int from = 0;
        int to = length - 1;
        if (first < 0) {
            status = last == 0 ? 416 : length == 0 ? 200 : 206;
            from = Math.max(0, length - last);
        } else if (first >= length) {
            status = 416;
        } else {
            status = 206;
            from = first;
            to = last < 0 ? length - 1 : Math.min(last, length - 1);
        }
        HeaderList request = Headers.of("Range", "bytes=" + spec);
        CachedObject object = store(body, true);
        UpstreamResponse answer = ReadthroughCache.answer(
                object, ReadthroughCache.meta(object), new RequestHead("GET", "http://example.com/x", request), NOW);
        assertEquals(status, answer.head().status(), spec + " of " + length);
        byte[] got = answer.body().readAll();
        if (status == 206) {
            assertEquals(
                    "bytes " + from + "-" + to + "/" + length,
                    answer.head().headers().first("Content-Range"));
            assertArrayEquals(Arrays.copyOfRange(body, from, to + 1), got);
        } else if (status == 200) {
            assertArrayEquals(body, got);
        }
    }

    @Property
    void ifNoneMatchAnswers304ExactlyWhenATagMatchesWeaklyAndWinsOverIfModifiedSince(
            @ForAll("tags") String storedTag,
            @ForAll("tagLists") List<String> requested,
            @ForAll boolean alsoModifiedSince) {
        ResponseHead stored =
                new ResponseHead(200, Headers.of("ETag", storedTag, "Last-Modified", STORED_LAST_MODIFIED));
        HeaderList request = new HeaderList();
        if (!requested.isEmpty()) {
            request.append("If-None-Match", String.join(", ", requested));
        }
        if (alsoModifiedSince) {
            request.append("If-Modified-Since", STORED_LAST_MODIFIED);
        }
        String opaque = unquote(storedTag);
        boolean expected = requested.isEmpty()
                ? alsoModifiedSince
                : requested.stream().anyMatch(t -> t.equals("*") || unquote(t).equals(opaque));
        ClientAnswer.Kind kind =
                ClientAnswer.evaluate("GET", request, stored, 10, NOW).kind();
        assertEquals(expected ? ClientAnswer.Kind.NOT_MODIFIED : ClientAnswer.Kind.WHOLE, kind, request.toString());
    }

    @Property
    void ifModifiedSinceAnswers304ExactlyWhenTheStoredResponseIsNoNewer(
            @ForAll @LongRange(min = -100_000, max = 100_000) long offset) {
        Instant modified = NOW.minusSeconds(3600);
        ResponseHead stored = new ResponseHead(200, Headers.of("Last-Modified", IMF.format(modified)));
        HeaderList request = Headers.of("If-Modified-Since", IMF.format(modified.plusSeconds(offset)));
        ClientAnswer.Kind kind =
                ClientAnswer.evaluate("HEAD", request, stored, 10, NOW).kind();
        assertEquals(offset >= 0 ? ClientAnswer.Kind.NOT_MODIFIED : ClientAnswer.Kind.WHOLE, kind);
    }

    private static String unquote(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    private static CachedObject store(byte[] body, boolean lengthAnnounced) throws InterruptedException {
        CacheStore store = new CacheStore(() -> NOW, 1 << 24);
        CacheLookup lookup = store.transactionLookup(CacheNamespace.READTHROUGH, new byte[32], new HeaderList());
        ResponseHead head = new ResponseHead(
                200,
                Headers.of(
                        "ETag", "\"e1\"",
                        "Last-Modified", STORED_LAST_MODIFIED,
                        "Content-Type", "application/octet-stream"));
        ObjectWriter writer = lookup.obligation()
                .orElseThrow()
                .insert(ReadthroughCache.writeOptions(
                        60_000_000_000L, 0, 0, 0, List.of(), "", false, lengthAnnounced ? body.length : -1, head));
        writer.write(body, 0, body.length);
        writer.finish();
        return writer.object();
    }

    private static long[] contentRange(String value) {
        assertTrue(value != null && value.startsWith("bytes "), String.valueOf(value));
        String[] rangeAndLength = value.substring(6).split("/");
        String[] bounds = rangeAndLength[0].split("-");
        return new long[] {Long.parseLong(bounds[0]), Long.parseLong(bounds[1]), Long.parseLong(rangeAndLength[1])};
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "GET", "GET", "HEAD", "POST");
    }

    @Provide
    Arbitrary<List<String>> rangeHeaders() {
        Arbitrary<String> position = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 250).map(String::valueOf),
                Arbitraries.of("", "0", "99999999999999999999999", "-1", "1.5", " 3"));
        Arbitrary<String> spec = Combinators.combine(position, position).as((a, b) -> a + "-" + b);
        Arbitrary<String> specs = Arbitraries.frequencyOf(
                Tuple.of(5, spec),
                Tuple.of(1, spec.list().ofMinSize(2).ofMaxSize(3).map(l -> String.join(",", l))));
        Arbitrary<String> unit = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("bytes")), Tuple.of(1, Arbitraries.of("BYTES", "items", "bytes ", "")));
        Arbitrary<String> wellFormed = Combinators.combine(unit, specs).as((u, r) -> u + "=" + r);
        Arbitrary<String> junk =
                Arbitraries.strings().withChars("bytes=-0123456789, ;*").ofMaxLength(20);
        return Arbitraries.frequencyOf(
                Tuple.of(6, wellFormed.list().ofSize(1)),
                Tuple.of(1, Arbitraries.just(List.<String>of())),
                Tuple.of(1, Arbitraries.oneOf(wellFormed, junk).list().ofMaxSize(2)));
    }

    @Provide
    Arbitrary<List<String[]>> conditionalHeaders() {
        Arbitrary<String[]> header = Arbitraries.of(
                new String[] {"If-None-Match", "\"e1\""},
                new String[] {"If-None-Match", "W/\"e1\", \"x\""},
                new String[] {"If-None-Match", "\"other\""},
                new String[] {"If-None-Match", "*"},
                new String[] {"If-Modified-Since", STORED_LAST_MODIFIED},
                new String[] {"If-Modified-Since", "Sat, 28 Feb 2026 00:00:00 GMT"},
                new String[] {"If-Modified-Since", "not a date"},
                new String[] {"If-Range", "\"e1\""},
                new String[] {"If-Range", "\"other\""},
                new String[] {"If-Range", STORED_LAST_MODIFIED},
                new String[] {"If-Match", "\"nope\""});
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(List.<String[]>of())),
                Tuple.of(1, header.list().ofMaxSize(3)));
    }

    @Provide
    Arbitrary<String> tags() {
        Arbitrary<String> opaque = Arbitraries.of("a", "b", "v1", "V1", "", "x,y");
        return Combinators.combine(Arbitraries.of("", "W/"), opaque).as((w, o) -> w + "\"" + o + "\"");
    }

    @Provide
    Arbitrary<List<String>> tagLists() {
        Arbitrary<String> unquoted = Arbitraries.of("a", "b", "v1");
        return Arbitraries.oneOf(tags(), tags(), unquoted, Arbitraries.just("*"))
                .list()
                .ofMaxSize(4);
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
    Arbitrary<String> notStartingWithADigit() {
        return Arbitraries.strings().ofMaxLength(20).filter(s -> s.isEmpty() || s.charAt(0) < '0' || s.charAt(0) > '9');
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
