package io.github.computejava.fsthttp;

import java.util.ArrayList;
import java.util.List;

/**
 * Work a request leaves for after its response is sent, such as revalidating a stale cached response it
 * served (stale-while-revalidate). {@link Compute#serve} runs it once the handler's response is complete. Per
 * thread: on the JVM several programs serve requests at once, each on its own thread.
 */
final class BackgroundTasks {
    private static final ThreadLocal<List<Runnable>> PENDING = new ThreadLocal<>();

    private BackgroundTasks() {}

    static void add(Runnable task) {
        List<Runnable> tasks = PENDING.get();
        if (tasks == null) {
            tasks = new ArrayList<>();
            PENDING.set(tasks);
        }
        tasks.add(task);
    }

    /** Runs every pending task (and those they add); a failing task is reported and the others still run. */
    static void runAll() {
        List<Runnable> tasks = PENDING.get();
        if (tasks == null) {
            return;
        }
        PENDING.remove();
        while (!tasks.isEmpty()) {
            Runnable task = tasks.remove(0);
            try {
                task.run();
            } catch (RuntimeException e) {
                String message = e.getMessage();
                System.err.println(
                        "Background task failed: " + e.getClass().getName() + (message == null ? "" : ": " + message));
            }
        }
    }
}
