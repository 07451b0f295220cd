package io.github.computejava.erl;

import io.github.computejava.internal.Text;
import io.github.computejava.internal.guest.ErlGuest;
import java.util.Objects;

/**
 * A named rate counter: counts events per entry (such as a client address) and estimates their rate. Counters
 * need no setup; opening one by name only names it.
 *
 * <pre>{@code
 * RateCounter requests = RateCounter.open("requests");
 * requests.increment(clientAddress, 1);
 * long perSecond = requests.lookupRate(clientAddress, RateWindow.TEN_SECONDS);
 * }</pre>
 */
public final class RateCounter {
    private final String name;
    private final byte[] nameBytes;

    private RateCounter(String name) {
        this.name = name;
        this.nameBytes = Text.utf8(name);
    }

    /**
     * Opens a rate counter by name.
     *
     * @param name the counter's name
     * @return the counter
     * @throws IllegalArgumentException if {@code name} is empty
     * @throws NullPointerException if {@code name} is null
     */
    public static RateCounter open(String name) {
        return new RateCounter(checkName(name, "a rate counter"));
    }

    /**
     * The counter's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Counts {@code delta} events for an entry.
     *
     * @param entry what is counted, such as a client address
     * @param delta the number of events, typically 1
     * @throws IllegalArgumentException if {@code delta} is negative
     * @throws NullPointerException if {@code entry} is null
     * @throws io.github.computejava.HostcallException if the host refuses the call
     */
    public void increment(String entry, int delta) {
        byte[] e = entryBytes(entry);
        checkDelta(delta);
        ErlGuest.ratecounterIncrement(nameBytes, e, delta);
    }

    /**
     * The entry's estimated rate over a window.
     *
     * @param entry the entry
     * @param window the window the rate is averaged over
     * @return events per second (0 for an entry never counted)
     * @throws NullPointerException if an argument is null
     * @throws io.github.computejava.HostcallException if the host refuses the call
     */
    public long lookupRate(String entry, RateWindow window) {
        byte[] e = entryBytes(entry);
        Objects.requireNonNull(window, "window");
        return ErlGuest.ratecounterLookupRate(nameBytes, e, window.seconds());
    }

    /**
     * The entry's estimated count of events over a span.
     *
     * @param entry the entry
     * @param duration the span to count over
     * @return the number of events (0 for an entry never counted)
     * @throws NullPointerException if an argument is null
     * @throws io.github.computejava.HostcallException if the host refuses the call
     */
    public long lookupCount(String entry, CounterDuration duration) {
        byte[] e = entryBytes(entry);
        Objects.requireNonNull(duration, "duration");
        return ErlGuest.ratecounterLookupCount(nameBytes, e, duration.seconds());
    }

    byte[] nameBytes() {
        return nameBytes;
    }

    static String checkName(String name, String what) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name: " + what + " needs a name");
        }
        return name;
    }

    static byte[] entryBytes(String entry) {
        return Text.utf8(Objects.requireNonNull(entry, "entry"));
    }

    static void checkDelta(int delta) {
        if (delta < 0) {
            throw new IllegalArgumentException("delta: must not be negative, was " + delta);
        }
    }

    @Override
    public String toString() {
        return "RateCounter{" + name + "}";
    }
}
