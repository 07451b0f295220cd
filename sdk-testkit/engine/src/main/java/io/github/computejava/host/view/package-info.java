/**
 * What the engine shows of itself, read-only, through {@link io.github.computejava.host.EngineView}: the last client
 * requests with their backend requests (and what the cache did with each) and log lines, the cache's objects, the
 * stores and the backends. The local server's inspector page and its JSON are made of these values; a test can read
 * the same from {@code TestHost.engine().view()}.
 */
package io.github.computejava.host.view;
