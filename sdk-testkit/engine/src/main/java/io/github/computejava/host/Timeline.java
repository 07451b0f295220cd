package io.github.computejava.host;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * How time passes for work that waits on the engine's clock: a scripted backend's delay, a first-byte timeout.
 *
 * <p>On the system clock ({@link #system()}) a timer is a sleep. On a virtual clock ({@link #virtual}) time moves
 * only when every piece of work the engine runs for a program is waiting: each asynchronous send is counted from
 * the moment the program sends it until its exchange ends, and a program that sent one is counted from then on,
 * except while it waits on the host (for a pending request, a select, a collapsed cache lookup). When nothing
 * counted runs and no waiter could go on, the clock moves to the earliest timer and wakes it. So three sends whose
 * backends answer after 100, 200 and 300 ms overlap: the last answers 300 ms after they were sent, the first after
 * 100, in that order, whatever the threads' real timing. Work not counted (a program that never sent
 * asynchronously) sees each of its timers fire at once, in order.
 */
public final class Timeline {
    private static final Timeline SYSTEM = new Timeline(null, null);

    private final InstantSource clock;
    private final Consumer<Instant> advanceTo;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();
    // guarded by this
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final List<BooleanSupplier> waiters = new ArrayList<>();
    private int running;
    private long sequence;

    private Timeline(InstantSource clock, Consumer<Instant> advanceTo) {
        this.clock = clock;
        this.advanceTo = advanceTo;
    }

    /**
     * Real time: a timer sleeps until the system clock reaches it, and nothing is counted.
     *
     * @return the system timeline
     */
    public static Timeline system() {
        return SYSTEM;
    }

    /**
     * Virtual time over a clock that only moves when told to.
     *
     * @param clock the clock the engine reads
     * @param advanceTo moves the clock forward to an instant (never called with one before the clock's reading)
     * @return a new timeline
     * @throws NullPointerException if an argument is null
     */
    public static Timeline virtual(InstantSource clock, Consumer<Instant> advanceTo) {
        return new Timeline(Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(advanceTo, "advanceTo"));
    }

    /** @return whether time here is virtual */
    public boolean isVirtual() {
        return advanceTo != null;
    }

    /**
     * Waits until the clock reads {@code due}. On a virtual timeline the clock moves there once nothing counted
     * runs and every earlier timer has fired.
     *
     * @param due the instant to wake at
     * @throws InterruptedException if interrupted first (the timer is then dropped)
     */
    public void sleepUntil(Instant due) throws InterruptedException {
        Objects.requireNonNull(due, "due");
        if (!isVirtual()) {
            long millis = Duration.between(Instant.now(), due).toMillis();
            if (millis > 0) {
                Thread.sleep(millis);
            }
            return;
        }
        Unit unit = current.get();
        boolean counted = unit != null && unit.active;
        synchronized (this) {
            Timer timer = new Timer(due, sequence++, unit);
            if (counted) {
                running--;
            }
            timers.add(timer);
            check();
            try {
                while (!timer.fired) {
                    wait();
                }
            } catch (InterruptedException e) {
                if (!timer.fired) {
                    timers.remove(timer);
                    if (counted) {
                        running++;
                    }
                } else if (!counted) {
                    running--;
                    check();
                }
                throw e;
            }
            if (timer.cancelled) {
                if (!counted) {
                    running--;
                    check();
                }
                throw new InterruptedException("the work waiting for this timer was abandoned");
            }
            // a fired timer counts as running until its sleeper goes on; uncounted work stops counting here
            if (!counted) {
                running--;
                check();
            }
        }
    }

    /**
     * Counts a piece of work the engine starts for a program (an asynchronous send) from now until {@link
     * Work#end()}; run it with {@link Work#run(Runnable)} on the thread that does it.
     *
     * @return the work
     */
    Work begin() {
        if (!isVirtual()) {
            return new Work(null);
        }
        synchronized (this) {
            running++;
        }
        return new Work(this);
    }

    /**
     * Counts the calling thread's program from now until {@link #leave(Object)} (a program that sends
     * asynchronously: time must not pass while it runs).
     *
     * @return a token for {@link #leave}, or null when the thread was counted already or time is real
     */
    Object join() {
        if (!isVirtual()) {
            return null;
        }
        Unit unit = current.get();
        if (unit != null && unit.active) {
            return null;
        }
        Unit joined = new Unit();
        synchronized (this) {
            running++;
        }
        current.set(joined);
        return joined;
    }

    /** Stops counting a program {@link #join()} counted; null does nothing. */
    void leave(Object token) {
        if (token == null) {
            return;
        }
        Unit unit = (Unit) token;
        synchronized (this) {
            if (!unit.active) {
                return;
            }
            unit.active = false;
            running--;
            check();
        }
        if (current.get() == unit) {
            current.remove();
        }
    }

    /**
     * A wait on the host, during which counted work is not counted.
     *
     * @param <T> what the wait returns
     * @param <E> what it throws
     */
    @FunctionalInterface
    public interface Blocking<T, E extends Exception> {
        /**
         * Waits.
         *
         * @return the result
         * @throws E the wait's failure
         */
        T run() throws E;
    }

    /**
     * Runs a wait on the host: while it waits the calling thread is not counted, so timers may fire, unless
     * {@code ready} says the wait is over.
     *
     * @param ready whether the wait would end now (read without locks the waited-on thread may hold)
     * @param block the wait
     * @return what the wait returns
     * @throws E what the wait throws
     */
    public <T, E extends Exception> T idle(BooleanSupplier ready, Blocking<T, E> block) throws E {
        Unit unit = current.get();
        if (!isVirtual() || unit == null || !unit.active) {
            return block.run();
        }
        synchronized (this) {
            waiters.add(ready);
            running--;
            check();
        }
        try {
            return block.run();
        } finally {
            synchronized (this) {
                waiters.remove(ready);
                running++;
            }
        }
    }

    /** Fires timers while nothing counted runs and no waiter could go on (holds the lock). */
    private void check() {
        while (running == 0 && !timers.isEmpty() && !anyWaiterReady()) {
            Instant due = timers.peek().due;
            if (due.isAfter(clock.instant())) {
                advanceTo.accept(due);
            }
            Instant now = clock.instant();
            while (!timers.isEmpty() && !timers.peek().due.isAfter(now)) {
                timers.poll().fired = true;
                running++;
            }
            notifyAll();
        }
    }

    private boolean anyWaiterReady() {
        for (BooleanSupplier w : waiters) {
            if (w.getAsBoolean()) {
                return true;
            }
        }
        return false;
    }

    /** Counted work on its way: see {@link #begin()}. */
    static final class Work {
        private final Timeline timeline;
        private final Unit unit = new Unit();

        private Work(Timeline timeline) {
            this.timeline = timeline;
        }

        /** Runs the work on the calling thread, counted until it returns, then ends it. */
        void run(Runnable body) {
            if (timeline == null) {
                body.run();
                return;
            }
            Unit previous = timeline.current.get();
            timeline.current.set(unit);
            try {
                body.run();
            } finally {
                if (previous == null) {
                    timeline.current.remove();
                } else {
                    timeline.current.set(previous);
                }
                end();
            }
        }

        /**
         * Drops the work's timers without moving the clock: their sleepers go on at once, interrupted (the
         * program abandoned the work, so time must not pass for it).
         */
        void cancel() {
            if (timeline == null) {
                return;
            }
            synchronized (timeline) {
                boolean any = false;
                for (java.util.Iterator<Timer> i = timeline.timers.iterator(); i.hasNext(); ) {
                    Timer t = i.next();
                    if (t.unit == unit) {
                        i.remove();
                        t.cancelled = true;
                        t.fired = true;
                        timeline.running++;
                        any = true;
                    }
                }
                if (any) {
                    timeline.notifyAll();
                }
            }
        }

        /** Stops counting the work (once). */
        void end() {
            if (timeline == null) {
                return;
            }
            synchronized (timeline) {
                if (!unit.active) {
                    return;
                }
                unit.active = false;
                timeline.running--;
                timeline.check();
            }
        }
    }

    private static final class Unit {
        // guarded by the timeline; read by its own thread
        volatile boolean active = true;
    }

    private static final class Timer implements Comparable<Timer> {
        final Instant due;
        final long sequence;
        final Unit unit;
        boolean fired;
        boolean cancelled;

        Timer(Instant due, long sequence, Unit unit) {
            this.due = due;
            this.sequence = sequence;
            this.unit = unit;
        }

        @Override
        public int compareTo(Timer o) {
            int c = due.compareTo(o.due);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }
}
