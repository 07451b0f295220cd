/**
 * HTTP messages as the engine holds them: request and response heads ({@link
 * io.github.computejava.host.http.RequestHead}, {@link io.github.computejava.host.http.ResponseHead}) with their
 * header list, bodies ({@link io.github.computejava.host.http.BodyBuffer}) that stream between a program, the
 * cache and an origin, the 69 KB header-section rule, and a request's cache override.
 */
package io.github.computejava.host.http;
