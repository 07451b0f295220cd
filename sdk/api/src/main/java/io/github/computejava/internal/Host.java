package io.github.computejava.internal;

import io.github.computejava.abi.Hostcalls;
import io.github.computejava.abi.UncaughtListener;
import io.github.computejava.internal.guest.HostcallsWasm;
import org.teavm.interop.PlatformMarker;

/**
 * Finds the {@link Hostcalls} for the running program: the real imports inside {@code main.wasm}, or the
 * host the testkit attached to the current thread on the JVM.
 */
public final class Host {
    private static final ThreadLocal<Hostcalls> ATTACHED = new ThreadLocal<>();

    private Host() {}

    /** TeaVM replaces this call with {@code true} when compiling, so the JVM branch is removed from Wasm. */
    @PlatformMarker
    private static boolean compiledByTeaVM() {
        return false;
    }

    /**
     * The hostcalls for this program.
     *
     * @throws IllegalStateException on the JVM when no host is attached to this thread
     */
    public static Hostcalls calls() {
        if (compiledByTeaVM()) {
            return HostcallsWasm.INSTANCE;
        }
        Hostcalls calls = ATTACHED.get();
        if (calls == null) {
            throw new IllegalStateException("No Fastly host is attached to this thread: the program runs inside"
                    + " main.wasm on a Fastly host, or on the JVM under the compute-java testkit");
        }
        return calls;
    }

    /**
     * Something a program's handler threw out of {@code Compute.serve}. On the JVM a host that implements
     * {@link UncaughtListener} hears of it (the testkit shows it in the test's response); inside {@code
     * main.wasm} this does nothing, as the message already went to stderr.
     */
    public static void reportUncaught(Throwable t) {
        if (compiledByTeaVM()) {
            return;
        }
        Hostcalls calls = ATTACHED.get();
        if (calls instanceof UncaughtListener) {
            ((UncaughtListener) calls).uncaught(t);
        }
    }

    /** Attaches a host to the current thread (JVM only); returns the one it replaces, or null. */
    public static Hostcalls attach(Hostcalls calls) {
        Hostcalls previous = ATTACHED.get();
        if (calls == null) {
            ATTACHED.remove();
        } else {
            ATTACHED.set(calls);
        }
        return previous;
    }
}
