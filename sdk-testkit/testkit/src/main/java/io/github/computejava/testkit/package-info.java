/**
 * Unit tests for Compute programs on the JVM: a fake Fastly host with the real host engine, a virtual clock,
 * scripted backends that record what reaches them, and fluent request building and assertions.
 *
 * <p>Start from {@link io.github.computejava.testkit.ComputeTest} (JUnit 5) or {@link
 * io.github.computejava.testkit.TestHost#create()}.
 */
package io.github.computejava.testkit;
