package io.github.computejava.host.view;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One object in the engine's cache: one variant of one key.
 *
 * @param namespace {@code readthrough} (behind {@code send}) or {@code core} (the core and simple caches)
 * @param key the cache key as upper-case hex digits (what a purge by key names)
 * @param label something to read: for a readthrough object the URL it was fetched for when the engine saw the
 *     request, for a core object the key as text when it is printable; else the hex key
 * @param variant the request header values its vary rule selected ({@code name: value} pairs), empty when it does
 *     not vary
 * @param age its age now
 * @param ttl its freshness lifetime (max age)
 * @param staleWhileRevalidate how long after expiring it may still be served while one request revalidates it
 * @param staleIfError how long after expiring it may stand in for a failing backend (readthrough objects)
 * @param state {@code fresh}, {@code stale} (within stale-while-revalidate) or {@code expired}
 * @param surrogateKeys its surrogate keys, sorted
 * @param hits how many lookups found it
 * @param size the body's length in bytes, -1 while unknown (still being written without a known length)
 * @param status for a readthrough object the stored response's status, else empty
 * @param hitForPass whether it marks its URL as uncacheable (lookups go straight to the backend)
 * @param writing whether its body is still being written
 */
public record CacheEntry(
        String namespace,
        String key,
        String label,
        String variant,
        Duration age,
        Duration ttl,
        Duration staleWhileRevalidate,
        Duration staleIfError,
        String state,
        List<String> surrogateKeys,
        long hits,
        long size,
        Optional<Integer> status,
        boolean hitForPass,
        boolean writing) {
    public CacheEntry {
        surrogateKeys = List.copyOf(surrogateKeys);
    }
}
