package io.github.computejava.erl;

import io.github.computejava.internal.Text;
import io.github.computejava.internal.guest.ErlGuest;
import java.time.Duration;
import java.util.Objects;

/**
 * A named penalty box: holds entries (such as client addresses) for a time to live of 1 to 60 minutes. Penalty
 * boxes need no setup; opening one by name only names it.
 *
 * <pre>{@code
 * PenaltyBox banned = PenaltyBox.open("banned");
 * if (banned.has(clientAddress)) { ... }
 * banned.add(clientAddress, Duration.ofMinutes(5));
 * }</pre>
 */
public final class PenaltyBox {
    static final Duration MIN_TTL = Duration.ofMinutes(1);
    static final Duration MAX_TTL = Duration.ofMinutes(60);

    private final String name;
    private final byte[] nameBytes;

    private PenaltyBox(String name) {
        this.name = name;
        this.nameBytes = Text.utf8(name);
    }

    /**
     * Opens a penalty box by name.
     *
     * @param name the box's name
     * @return the penalty box
     * @throws IllegalArgumentException if {@code name} is empty
     * @throws NullPointerException if {@code name} is null
     */
    public static PenaltyBox open(String name) {
        return new PenaltyBox(RateCounter.checkName(name, "a penalty box"));
    }

    /**
     * The box's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Puts an entry in the box (again) for a time to live. Fastly keeps penalties in whole minutes: the time to
     * live is truncated to the minute.
     *
     * @param entry the entry, such as a client address
     * @param ttl how long the entry stays, from 1 to 60 minutes
     * @throws IllegalArgumentException if {@code ttl} is under a minute or over 60 minutes
     * @throws NullPointerException if an argument is null
     * @throws io.github.computejava.HostcallException if the host refuses the call
     */
    public void add(String entry, Duration ttl) {
        byte[] e = RateCounter.entryBytes(entry);
        int seconds = ttlSeconds(ttl);
        ErlGuest.penaltyboxAdd(nameBytes, e, seconds);
    }

    /**
     * Whether an entry is in the box.
     *
     * @param entry the entry
     * @return true while its time to live runs
     * @throws NullPointerException if {@code entry} is null
     * @throws io.github.computejava.HostcallException if the host refuses the call
     */
    public boolean has(String entry) {
        byte[] e = RateCounter.entryBytes(entry);
        return ErlGuest.penaltyboxHas(nameBytes, e);
    }

    byte[] nameBytes() {
        return nameBytes;
    }

    /** The time to live in whole minutes, as seconds; rejects what Fastly does not offer. */
    static int ttlSeconds(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("ttl: a penalty lasts 1 to 60 minutes, not " + ttl.getSeconds() + " s");
        }
        return (int) ttl.toMinutes() * 60;
    }

    @Override
    public String toString() {
        return "PenaltyBox{" + name + "}";
    }
}
