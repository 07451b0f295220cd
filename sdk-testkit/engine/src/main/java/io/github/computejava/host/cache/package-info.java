/**
 * The engine's one cache store, shared by Fastly's three cache interfaces: objects under a key in a
 * {@link io.github.computejava.host.cache.CacheNamespace}, variants by vary rule, request collapsing through
 * obligations, streaming writes read while they are written, stale-while-revalidate, surrogate-key purges, hit
 * counts, and a byte bound with least-recently-used eviction. {@link io.github.computejava.host.cache.CacheCalls}
 * implements the {@code fastly_cache} and {@code fastly_purge} hostcalls over it.
 */
package io.github.computejava.host.cache;
