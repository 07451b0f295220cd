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
    private Host() {}

    /**
     * The hosts attached to threads (JVM only). A class of its own, so {@code Host} has no static state: inside
     * {@code main.wasm} every {@link #calls()} is then a constant, with no class initialisation to check first.
     */
    private static final class Attached {
        static final ThreadLocal<Hostcalls> HOSTS = new ThreadLocal<>();
    }

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
        Hostcalls calls = Attached.HOSTS.get();
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
        Hostcalls calls = Attached.HOSTS.get();
        if (calls instanceof UncaughtListener) {
            ((UncaughtListener) calls).uncaught(t);
        }
    }

    /** Attaches a host to the current thread (JVM only); returns the one it replaces, or null. */
    public static Hostcalls attach(Hostcalls calls) {
        Hostcalls previous = Attached.HOSTS.get();
        if (calls == null) {
            Attached.HOSTS.remove();
        } else {
            Attached.HOSTS.set(calls);
        }
        return previous;
    }
}
