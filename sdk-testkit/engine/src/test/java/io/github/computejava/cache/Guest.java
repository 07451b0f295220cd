package io.github.computejava.cache;

import io.github.computejava.host.HostEngine;
import io.github.computejava.host.LoopbackClient;
import io.github.computejava.host.Sandbox;
import io.github.computejava.internal.Host;
import java.util.concurrent.Callable;

/**
 * Runs program code against an engine as one client request would: a sandbox attached to the current thread
 * (the testkit's JVM door), finished afterwards so obligations still held pass on.
 */
final class Guest {
    private Guest() {}

    static <T> T run(HostEngine engine, Callable<T> program) throws Exception {
        Sandbox sandbox = LoopbackClient.sandbox(engine, "http://example.com/");
        Host.attach(sandbox);
        try {
            return program.call();
        } finally {
            Host.attach(null);
            sandbox.finish();
        }
    }

    static void exec(HostEngine engine, ThrowingRunnable program) throws Exception {
        run(engine, () -> {
            program.run();
            return null;
        });
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
