package io.github.computejava.erl;

/** The windows over which Fastly estimates a rate of events per second: the last 1, 10 or 60 seconds. */
public enum RateWindow {
    /** The last second: the quickest to detect a burst, the least accurate. */
    ONE_SECOND(1),
    /** The last 10 seconds. */
    TEN_SECONDS(10),
    /** The last 60 seconds: the slowest to detect, the most accurate. */
    SIXTY_SECONDS(60);

    private final int seconds;

    RateWindow(int seconds) {
        this.seconds = seconds;
    }

    /**
     * The window's length.
     *
     * @return the length in seconds
     */
    public int seconds() {
        return seconds;
    }
}
