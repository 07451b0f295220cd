package io.github.computejava.host.readthrough;

import io.github.computejava.host.http.HeaderList;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a response's headers say about how long it may be served from cache: its freshness lifetime, the age it
 * already had when it arrived, and the stale-while-revalidate and stale-if-error periods. All in whole seconds.
 *
 * <p>The freshness lifetime comes from the first of these present (Fastly's order of preference):
 * {@code Surrogate-Control: max-age} (directive names case-sensitive), {@code Cache-Control: s-maxage},
 * {@code Cache-Control: max-age}, then {@code Expires} minus {@code Date} (minus the arrival time when
 * {@code Date} is missing or invalid); with none of them, a default lifetime. Delta-seconds count their leading
 * digits and a quoted one is ignored ({@link CacheDirectives#seconds}); an invalid {@code Expires} makes the
 * response stale at once (RFC 9111 section 5.3), and one that misses the HTTP-date form only by a one-digit day or
 * hour or by extra spaces is read as the date it names ({@link HttpDates#parseLenient}).
 *
 * <p>The response is fresh while its age is below the lifetime. The age starts from {@code Age}: the leading
 * digits of the first member of the field ({@code 7200.0} and {@code 7200;foo=bar} are 7200); a negative
 * {@code Age} makes the response stale on arrival; anything else that does not start with a digit is ignored.
 * With {@code Expires}-based freshness the age starts at 0 whatever {@code Age} says, as Fastly's documentation of
 * the {@code Age} header states.
 */
public final class Freshness {
    /** Where the freshness lifetime came from. */
    public enum Source {
        /** {@code Surrogate-Control: max-age}. */
        SURROGATE_CONTROL,
        /** {@code Cache-Control: s-maxage}. */
        S_MAXAGE,
        /** {@code Cache-Control: max-age}. */
        MAX_AGE,
        /** {@code Expires}. */
        EXPIRES,
        /** None of them: the default lifetime. */
        DEFAULT,
        /** A TTL override. */
        OVERRIDE
    }

    private final long lifetimeSeconds;
    private final long initialAgeSeconds;
    private final long staleWhileRevalidateSeconds;
    private final long staleIfErrorSeconds;
    private final Source source;

    /**
     * Freshness values as given.
     *
     * @param lifetimeSeconds the freshness lifetime
     * @param initialAgeSeconds the age on arrival
     * @param staleWhileRevalidateSeconds the stale-while-revalidate period
     * @param staleIfErrorSeconds the stale-if-error period
     * @param source where the lifetime came from
     * @throws IllegalArgumentException if a value is negative
     * @throws NullPointerException if {@code source} is null
     */
    public Freshness(
            long lifetimeSeconds,
            long initialAgeSeconds,
            long staleWhileRevalidateSeconds,
            long staleIfErrorSeconds,
            Source source) {
        this.lifetimeSeconds = nonNegative(lifetimeSeconds, "lifetimeSeconds");
        this.initialAgeSeconds = nonNegative(initialAgeSeconds, "initialAgeSeconds");
        this.staleWhileRevalidateSeconds = nonNegative(staleWhileRevalidateSeconds, "staleWhileRevalidateSeconds");
        this.staleIfErrorSeconds = nonNegative(staleIfErrorSeconds, "staleIfErrorSeconds");
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * Reads a response's freshness from its headers.
     *
     * @param headers the response headers
     * @param arrival when the response arrived (resolves {@code Expires} without a {@code Date})
     * @param defaultLifetime the lifetime when the headers give none
     * @return the freshness
     * @throws NullPointerException if an argument is null
     */
    public static Freshness of(HeaderList headers, Instant arrival, Duration defaultLifetime) {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(arrival, "arrival");
        Objects.requireNonNull(defaultLifetime, "defaultLifetime");
        CacheDirectives surrogate = CacheDirectives.parseCaseSensitive(headers.values("Surrogate-Control"));
        CacheDirectives cacheControl = CacheDirectives.parse(headers.values("Cache-Control"));

        long lifetime;
        Source source;
        OptionalLong v;
        if ((v = surrogate.seconds("max-age")).isPresent()) {
            lifetime = v.getAsLong();
            source = Source.SURROGATE_CONTROL;
        } else if ((v = cacheControl.seconds("s-maxage")).isPresent()) {
            lifetime = v.getAsLong();
            source = Source.S_MAXAGE;
        } else if ((v = cacheControl.seconds("max-age")).isPresent()) {
            lifetime = v.getAsLong();
            source = Source.MAX_AGE;
        } else if (headers.contains("Expires")) {
            lifetime = expiresLifetime(headers, arrival);
            source = Source.EXPIRES;
        } else {
            lifetime = Math.min(defaultLifetime.getSeconds(), CacheDirectives.MAX_DELTA_SECONDS);
            source = Source.DEFAULT;
        }
        long swr = firstOf(surrogate, cacheControl, "stale-while-revalidate");
        long sie = firstOf(surrogate, cacheControl, "stale-if-error");
        lifetime = Math.max(lifetime, 0);
        long age;
        if (source == Source.EXPIRES) {
            age = 0; // Fastly initialises the age of an Expires-based object to zero whatever Age says
        } else if (ageIsNegative(headers)) {
            age = lifetime; // stale on arrival
        } else {
            age = age(headers);
        }
        return new Freshness(lifetime, age, swr, sie, source);
    }

    /**
     * The {@code Age} header's value: the leading digits of the first member of the first line.
     *
     * @param headers response headers
     * @return the age in seconds; 0 when absent, negative, or not starting with a digit
     * @throws NullPointerException if {@code headers} is null
     */
    public static long age(HeaderList headers) {
        String member = firstAgeMember(headers);
        return member == null ? 0 : CacheDirectives.deltaSeconds(member);
    }

    /**
     * Whether the {@code Age} header is negative (its first member starts with {@code -} and a digit), which
     * makes a response stale on arrival.
     *
     * @param headers response headers
     * @return true for a negative age
     * @throws NullPointerException if {@code headers} is null
     */
    public static boolean ageIsNegative(HeaderList headers) {
        String member = firstAgeMember(headers);
        return member != null
                && member.length() > 1
                && member.charAt(0) == '-'
                && member.charAt(1) >= '0'
                && member.charAt(1) <= '9';
    }

    private static String firstAgeMember(HeaderList headers) {
        String first = headers.first("Age");
        if (first == null) {
            return null;
        }
        int comma = first.indexOf(',');
        return (comma < 0 ? first : first.substring(0, comma)).trim();
    }

    private static long expiresLifetime(HeaderList headers, Instant arrival) {
        Optional<Instant> expires = HttpDates.parseLenient(firstMember(headers.first("Expires")), arrival);
        if (expires.isEmpty()) {
            return 0; // an invalid date, such as "0", is in the past
        }
        String dateField = headers.first("Date");
        Instant date = dateField == null
                ? arrival
                : HttpDates.parseLenient(dateField, arrival).orElse(arrival);
        long seconds = Duration.between(date, expires.get()).getSeconds();
        return Math.max(0, Math.min(seconds, CacheDirectives.MAX_DELTA_SECONDS));
    }

    // Expires is a singleton; an HTTP-date has a comma of its own, so only a second date after it is cut off
    private static String firstMember(String value) {
        int first = value.indexOf(',');
        int second = first < 0 ? -1 : value.indexOf(',', first + 1);
        return second < 0 ? value : value.substring(0, second);
    }

    private static long firstOf(CacheDirectives preferred, CacheDirectives fallback, String name) {
        OptionalLong v = preferred.seconds(name);
        if (v.isPresent()) {
            return v.getAsLong();
        }
        return fallback.seconds(name).orElse(0);
    }

    /**
     * This freshness with a TTL override: the response stays fresh for {@code ttlSeconds} from its arrival. As on
     * Fastly, an explicit TTL is not reduced by {@code Age}: the lifetime becomes the TTL plus the initial age, and
     * the age keeps counting from the origin's value.
     *
     * @param ttlSeconds the overriding TTL
     * @return the new freshness
     * @throws IllegalArgumentException if {@code ttlSeconds} is negative
     */
    public Freshness withLifetime(long ttlSeconds) {
        nonNegative(ttlSeconds, "ttlSeconds");
        // both terms are at most 2^31, so the sum cannot overflow
        return new Freshness(
                Math.min(ttlSeconds, CacheDirectives.MAX_DELTA_SECONDS) + initialAgeSeconds,
                initialAgeSeconds,
                staleWhileRevalidateSeconds,
                staleIfErrorSeconds,
                Source.OVERRIDE);
    }

    /**
     * This freshness with another stale-while-revalidate period.
     *
     * @param seconds the period
     * @return the new freshness
     * @throws IllegalArgumentException if {@code seconds} is negative
     */
    public Freshness withStaleWhileRevalidate(long seconds) {
        return new Freshness(lifetimeSeconds, initialAgeSeconds, seconds, staleIfErrorSeconds, source);
    }

    /**
     * This freshness with another stale-if-error period.
     *
     * @param seconds the period
     * @return the new freshness
     * @throws IllegalArgumentException if {@code seconds} is negative
     */
    public Freshness withStaleIfError(long seconds) {
        return new Freshness(lifetimeSeconds, initialAgeSeconds, staleWhileRevalidateSeconds, seconds, source);
    }

    /**
     * The freshness lifetime: the age at which the response turns stale.
     *
     * @return seconds
     */
    public long lifetimeSeconds() {
        return lifetimeSeconds;
    }

    /**
     * The age the response had when it arrived ({@code Age}).
     *
     * @return seconds
     */
    public long initialAgeSeconds() {
        return initialAgeSeconds;
    }

    /**
     * How long the response stays fresh from its arrival: the lifetime minus the initial age, at least 0.
     *
     * @return seconds
     */
    public long remainingSeconds() {
        return Math.max(0, lifetimeSeconds - initialAgeSeconds);
    }

    /**
     * Whether the response is fresh when it arrives.
     *
     * @return true when the remaining freshness is positive
     */
    public boolean freshOnArrival() {
        return lifetimeSeconds > initialAgeSeconds;
    }

    /**
     * How long after turning stale the response may be served while it is revalidated.
     *
     * @return seconds
     */
    public long staleWhileRevalidateSeconds() {
        return staleWhileRevalidateSeconds;
    }

    /**
     * How long after turning stale the response may be served when the origin fails.
     *
     * @return seconds
     */
    public long staleIfErrorSeconds() {
        return staleIfErrorSeconds;
    }

    /**
     * Where the lifetime came from.
     *
     * @return the source
     */
    public Source source() {
        return source;
    }

    private static long nonNegative(long v, String name) {
        if (v < 0) {
            throw new IllegalArgumentException(name + ": negative (" + v + ")");
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Freshness)) {
            return false;
        }
        Freshness f = (Freshness) o;
        return lifetimeSeconds == f.lifetimeSeconds
                && initialAgeSeconds == f.initialAgeSeconds
                && staleWhileRevalidateSeconds == f.staleWhileRevalidateSeconds
                && staleIfErrorSeconds == f.staleIfErrorSeconds
                && source == f.source;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                lifetimeSeconds, initialAgeSeconds, staleWhileRevalidateSeconds, staleIfErrorSeconds, source);
    }

    @Override
    public String toString() {
        return "Freshness{lifetime=" + lifetimeSeconds + "s (" + source + "), age=" + initialAgeSeconds + "s, swr="
                + staleWhileRevalidateSeconds + "s, sie=" + staleIfErrorSeconds + "s}";
    }
}
