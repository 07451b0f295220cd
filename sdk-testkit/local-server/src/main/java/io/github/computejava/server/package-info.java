/**
 * The local server: the Wasm door of the host engine. It runs a Compute program's {@code main.wasm} on the JVM
 * with Chicory, a fresh instance per request, serves it over HTTP with Jetty like Fastly's Viceroy, and reaches
 * backends over the network.
 *
 * <ul>
 *   <li>{@link io.github.computejava.server.ServeCommand}: the Viceroy-compatible command line;
 *   <li>{@link io.github.computejava.server.LocalServer} and {@link io.github.computejava.server.WasmProgram}: the
 *       same from Java (tests, the Maven plugin's {@code serve} goal);
 *   <li>{@link io.github.computejava.host.config.LocalServerConfig} (in the engine): the {@code [local_server]} section of a {@code
 *       fastly.toml}, also usable to seed a testkit engine;
 *   <li>{@link io.github.computejava.server.EmbeddedOrigin}: a demo echo origin for trying programs offline.
 * </ul>
 */
package io.github.computejava.server;
