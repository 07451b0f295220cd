/**
 * Backends: a named or dynamic backend's settings ({@link io.github.computejava.host.backend.Backend}), the
 * origin that answers it ({@link io.github.computejava.host.backend.Origin}; {@link
 * io.github.computejava.host.backend.JettyOrigin} over the network), and how a send fails ({@link
 * io.github.computejava.host.backend.SendFailure}, the witx's send error detail).
 */
package io.github.computejava.host.backend;
