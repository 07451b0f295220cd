package io.github.computejava.erl;

/** The spans over which a rate counter reports a count of events: the last 10 to 60 seconds in steps of 10. */
public enum CounterDuration {
    /** The last 10 seconds. */
    TEN_SECONDS(10),
    /** The last 20 seconds. */
    TWENTY_SECONDS(20),
    /** The last 30 seconds. */
    THIRTY_SECONDS(30),
    /** The last 40 seconds. */
    FORTY_SECONDS(40),
    /** The last 50 seconds. */
    FIFTY_SECONDS(50),
    /** The last 60 seconds. */
    SIXTY_SECONDS(60);

    private final int seconds;

    CounterDuration(int seconds) {
        this.seconds = seconds;
    }

    /**
     * The span's length.
     *
     * @return the length in seconds
     */
    public int seconds() {
        return seconds;
    }
}
