package io.github.computejava.fsthttp;

import java.util.ArrayList;
import java.util.List;
import org.teavm.interop.PlatformMarker;

/**
 * Work a request leaves for after its response is sent, such as revalidating a stale cached response it
 * served (stale-while-revalidate). {@link Compute#serve} runs it once the handler's response is complete.
 *
 * <p>Inside {@code main.wasm} one instance serves one request on one thread, so a plain static list does. On the
 * JVM several programs serve requests at once, each on its own thread: there the list is per thread, in a class
 * TeaVM never links (a {@code ThreadLocal} would add 10 KB to every {@code main.wasm}).
 */
final class BackgroundTasks {
    private static List<Runnable> wasmTasks;

    private BackgroundTasks() {}

    /** TeaVM replaces this call with {@code true}, which removes the JVM branches from {@code main.wasm}. */
    @PlatformMarker
    private static boolean compiledByTeaVM() {
        return false;
    }

    static void add(Runnable task) {
        if (compiledByTeaVM()) {
            if (wasmTasks == null) {
                wasmTasks = new ArrayList<>();
            }
            wasmTasks.add(task);
        } else {
            JvmTasks.add(task);
        }
    }

    /**
     * Runs every pending task (and those they add), in order. A task that throws ends the run: {@link
     * Compute#serve} reports it, and the host releases what the other tasks held when the request ends.
     */
    static void runAll() {
        List<Runnable> tasks;
        while ((tasks = take()) != null) {
            for (int i = 0; i < tasks.size(); i++) {
                tasks.get(i).run();
            }
        }
    }

    private static List<Runnable> take() {
        if (compiledByTeaVM()) {
            List<Runnable> tasks = wasmTasks;
            wasmTasks = null;
            return tasks;
        }
        return JvmTasks.take();
    }

    /** The JVM's per-thread lists. */
    private static final class JvmTasks {
        private static final ThreadLocal<List<Runnable>> PENDING = new ThreadLocal<>();

        static void add(Runnable task) {
            List<Runnable> tasks = PENDING.get();
            if (tasks == null) {
                tasks = new ArrayList<>();
                PENDING.set(tasks);
            }
            tasks.add(task);
        }

        static List<Runnable> take() {
            List<Runnable> tasks = PENDING.get();
            PENDING.remove();
            return tasks;
        }
    }
}
