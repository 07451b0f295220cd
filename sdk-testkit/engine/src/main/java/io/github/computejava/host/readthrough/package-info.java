/**
 * The readthrough cache behind {@code Request.send}: Fastly's HTTP caching rules as pure functions
 * ({@link io.github.computejava.host.readthrough.CachePolicy}, {@link io.github.computejava.host.readthrough.Freshness},
 * {@link io.github.computejava.host.readthrough.CacheDirectives}, {@link io.github.computejava.host.readthrough.HttpDates},
 * {@link io.github.computejava.host.readthrough.CacheKeys}), and the cache that applies them on the engine's store.
 */
package io.github.computejava.host.readthrough;
