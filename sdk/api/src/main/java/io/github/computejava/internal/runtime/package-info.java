/**
 * Replacements, compiled into {@code main.wasm}, for JDK methods TeaVM would lower to imports Fastly does not
 * provide; the build redirects calls to them. Programs never call this package directly.
 */
package io.github.computejava.internal.runtime;
