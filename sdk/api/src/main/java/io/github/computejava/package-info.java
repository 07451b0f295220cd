/**
 * The root of the compute-java SDK: the exception types shared by every package.
 *
 * <p>Programs are written against {@link io.github.computejava.fsthttp}; the exceptions here are what its
 * methods throw when the Fastly host refuses a call.
 */
package io.github.computejava;
