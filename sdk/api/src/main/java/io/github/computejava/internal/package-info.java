/**
 * The hostcall layer: {@link io.github.computejava.abi.Hostcalls}, one method per Fastly hostcall, and the
 * marshalling the public packages share. Programs never import this package; its contents may change in any
 * release.
 */
package io.github.computejava.internal;
