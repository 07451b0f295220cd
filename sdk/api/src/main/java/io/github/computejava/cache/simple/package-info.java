/**
 * Fastly's simple cache: a volatile key-value cache with always-on request collapsing. Concurrent
 * {@link io.github.computejava.cache.simple.SimpleCache#getOrSet getOrSet} calls for one key run the loader
 * once; the others wait and read the value as it is stored.
 *
 * <pre>{@code
 * try (InputStream page = SimpleCache.getOrSet(path,
 *         () -> CacheEntry.of(render(path), Duration.ofSeconds(60)))) {
 *     page.transferTo(response.body());
 * }
 * }</pre>
 *
 * <p>Entries live in the same cache as the core cache's objects: a core lookup reads them, and the simple cache
 * reads (but never overwrites) objects the core cache wrote. Each entry carries two surrogate keys, the
 * upper-case hex SHA-256 of its key (global) and of its key followed by the {@code FASTLY_POP} environment
 * value (this POP), as every Fastly SDK derives them, so {@link io.github.computejava.cache.simple.SimpleCache#purge
 * purge} works across SDKs.
 */
package io.github.computejava.cache.simple;
