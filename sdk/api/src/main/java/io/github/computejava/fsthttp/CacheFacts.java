package io.github.computejava.fsthttp;

import io.github.computejava.internal.guest.HttpCacheGuest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What Fastly's HTTP cache API tells of a response it answered from the cache: read from the cache handle when
 * {@link GuestCache} returns a stored response, and kept on the {@link Response}.
 */
final class CacheFacts {
    /** Reads the facts of a cache handle's stored response. */
    interface Source {
        CacheFacts read(int handle, RuntimeException maskedError);
    }

    /** The one source; referenced only by {@link CacheOptions.Builder#cacheFacts}, so others never link this class. */
    static final Source SOURCE = CacheFacts::read;

    private final long maxAgeNs;
    private final long ageNs;
    private final long staleWhileRevalidateNs;
    private final long staleIfErrorNs;
    private final List<String> vary;
    private final List<String> surrogateKeys;
    private final RuntimeException maskedError;

    private CacheFacts(int handle, RuntimeException maskedError) {
        this.maxAgeNs = HttpCacheGuest.durationNs(handle, HttpCacheGuest.MAX_AGE);
        this.ageNs = HttpCacheGuest.durationNs(handle, HttpCacheGuest.AGE);
        this.staleWhileRevalidateNs = HttpCacheGuest.durationNs(handle, HttpCacheGuest.STALE_WHILE_REVALIDATE);
        this.staleIfErrorNs = HttpCacheGuest.durationNs(handle, HttpCacheGuest.STALE_IF_ERROR);
        this.vary = words(HttpCacheGuest.varyRule(handle));
        this.surrogateKeys = words(HttpCacheGuest.surrogateKeys(handle));
        this.maskedError = maskedError;
    }

    /**
     * The facts of the stored response a cache handle found.
     *
     * @param handle the {@code http_cache_handle} the response came from
     * @param maskedError the backend's failure the stored response stands in for, or null
     */
    static CacheFacts read(int handle, RuntimeException maskedError) {
        return new CacheFacts(handle, maskedError);
    }

    /** How much longer the response stays fresh: its max-age less its age, zero once stale. */
    Optional<Duration> ttl() {
        if (maxAgeNs < 0 || ageNs < 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.max(0, maxAgeNs - ageNs)));
    }

    Optional<Duration> age() {
        return nanos(ageNs);
    }

    Optional<Duration> staleWhileRevalidate() {
        return nanos(staleWhileRevalidateNs);
    }

    Optional<Duration> staleIfError() {
        return nanos(staleIfErrorNs);
    }

    List<String> vary() {
        return vary;
    }

    List<String> surrogateKeys() {
        return surrogateKeys;
    }

    Optional<RuntimeException> maskedError() {
        return Optional.ofNullable(maskedError);
    }

    private static Optional<Duration> nanos(long ns) {
        return ns < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(ns));
    }

    /** The space-separated words of a host value (no regular expressions in main.wasm). */
    private static List<String> words(String s) {
        if (s == null) {
            return Collections.emptyList();
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < s.length() && s.charAt(i) != ' ') {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return Collections.unmodifiableList(out);
    }
}
