package io.github.computejava.abi;

/**
 * A JVM host that wants to hear what a program's handler threw out of {@code Compute.serve}: the testkit shows it
 * in the test's response. Inside {@code main.wasm} nobody listens; the message already went to stderr.
 */
public interface UncaughtListener {
    /**
     * Called on the program's thread with what the handler threw.
     *
     * @param t what was thrown
     */
    void uncaught(Throwable t);
}
