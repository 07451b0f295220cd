/**
 * HTTP for Fastly Compute programs, in the spirit of Fastly's Go {@code fsthttp} package.
 *
 * <p>{@link io.github.computejava.fsthttp.Compute#serve} runs a {@link io.github.computejava.fsthttp.Handler}
 * for the client's {@link io.github.computejava.fsthttp.Request}; the handler answers through a {@link
 * io.github.computejava.fsthttp.ResponseWriter}, often after {@link
 * io.github.computejava.fsthttp.Request#send sending} the request to a named backend through the readthrough
 * cache, steered by {@link io.github.computejava.fsthttp.CacheOptions}.
 */
package io.github.computejava.fsthttp;
