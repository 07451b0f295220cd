package io.github.computejava.host.view;

import java.util.Optional;

/**
 * A backend the engine knows: defined in {@code fastly.toml} (or by a test) or registered by a program at run time.
 *
 * @param name its name
 * @param url its base URL, empty for a backend a test scripts in Java
 * @param overrideHost the {@code Host} header sent instead of the request's, if any
 * @param dynamic whether a program registered it at run time
 */
public record BackendEntry(String name, Optional<String> url, Optional<String> overrideHost, boolean dynamic) {}
