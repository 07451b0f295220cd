package io.github.computejava.fsthttp;

/**
 * Formats instants as HTTP dates ({@code Sun, 06 Nov 1994 08:49:37 GMT}, RFC 9110 IMF-fixdate), for
 * {@code Date}, {@code Last-Modified} and {@code Expires} headers. It is small on purpose: {@code
 * java.time} formatting adds tens of kilobytes to {@code main.wasm}.
 */
public final class HttpDate {
    private static final String[] DAYS = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };

    private HttpDate() {}

    /**
     * The HTTP date of the current time.
     *
     * @return the date, to the second
     */
    public static String now() {
        return format(System.currentTimeMillis());
    }

    /**
     * Formats milliseconds since the epoch as an HTTP date.
     *
     * @param epochMillis the instant, in milliseconds since 1970-01-01T00:00:00Z
     * @return the date, to the second
     */
    public static String format(long epochMillis) {
        long seconds = Math.floorDiv(epochMillis, 1000L);
        long days = Math.floorDiv(seconds, 86400L);
        int secOfDay = (int) Math.floorMod(seconds, 86400L);
        // civil-from-days, proleptic Gregorian calendar
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097L);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        StringBuilder sb = new StringBuilder(29);
        sb.append(DAYS[(int) Math.floorMod(days, 7L)]).append(", ");
        two(sb, day)
                .append(' ')
                .append(MONTHS[month - 1])
                .append(' ')
                .append(year)
                .append(' ');
        two(sb, secOfDay / 3600).append(':');
        two(sb, secOfDay / 60 % 60).append(':');
        two(sb, secOfDay % 60).append(" GMT");
        return sb.toString();
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }
}
