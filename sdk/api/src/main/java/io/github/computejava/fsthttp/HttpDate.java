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
     * The HTTP date of the current time on the host's clock ({@link Compute#currentTimeMillis()}): Fastly's clock
     * in {@code main.wasm}, the test host's virtual clock under the testkit.
     *
     * @return the date, to the second
     * @throws io.github.computejava.HostcallException if the host cannot read its clock
     * @throws IllegalStateException on the JVM when no host is attached to this thread
     */
    public static String now() {
        return format(Compute.currentTimeMillis());
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

    /**
     * Parses an HTTP date in any of the forms HTTP and cookies use: IMF-fixdate ({@code Sun, 06 Nov 1994
     * 08:49:37 GMT}), RFC 850 ({@code Sunday, 06-Nov-94 08:49:37 GMT}), asctime ({@code Sun Nov  6 08:49:37
     * 1994}) and the Netscape cookie form ({@code Sun, 06-Nov-1994 08:49:37 GMT}).
     *
     * @param text the date
     * @return milliseconds since the epoch, or empty when {@code text} is not a date
     * @throws NullPointerException if {@code text} is null
     */
    public static java.util.Optional<Long> parse(String text) {
        java.util.Objects.requireNonNull(text, "text");
        int day = -1;
        int month = -1;
        long year = -1;
        int secOfDay = -1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == ',' || c == '-' || c == '\t') {
                i++;
                continue;
            }
            int start = i;
            while (i < n && " ,-\t".indexOf(text.charAt(i)) < 0) {
                i++;
            }
            String token = text.substring(start, i);
            if (token.indexOf(':') >= 0) {
                secOfDay = parseTime(token);
                if (secOfDay < 0) {
                    return java.util.Optional.empty();
                }
            } else if (Character.isDigit(token.charAt(0))) {
                long v;
                try {
                    v = Long.parseLong(token);
                } catch (NumberFormatException e) {
                    return java.util.Optional.empty();
                }
                if (day < 0 && token.length() <= 2 && v >= 1 && v <= 31) {
                    day = (int) v;
                } else if (year < 0) {
                    year = token.length() <= 2 ? (v < 70 ? 2000 + v : 1900 + v) : v;
                } else {
                    return java.util.Optional.empty();
                }
            } else if (month < 0 && token.length() >= 3) {
                String m = token.substring(0, 3);
                for (int k = 0; k < MONTHS.length; k++) {
                    if (MONTHS[k].equalsIgnoreCase(m)) {
                        month = k + 1;
                    }
                }
            }
        }
        if (day < 0 || month < 0 || year < 0 || secOfDay < 0 || year > 9999) {
            return java.util.Optional.empty();
        }
        // days-from-civil, proleptic Gregorian calendar
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400L);
        long yoe = y - era * 400;
        long doy = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        long days = era * 146097 + doe - 719468;
        return java.util.Optional.of((days * 86400L + secOfDay) * 1000L);
    }

    /** {@code hh:mm:ss} as seconds of the day, or -1. */
    private static int parseTime(String token) {
        int[] fields = new int[3];
        int field = 0;
        int digits = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == ':') {
                if (digits == 0 || ++field > 2) {
                    return -1;
                }
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 2) {
                fields[field] = fields[field] * 10 + (c - '0');
                digits++;
            } else {
                return -1;
            }
        }
        if (field != 2 || digits == 0 || fields[0] > 23 || fields[1] > 59 || fields[2] > 60) {
            return -1;
        }
        return fields[0] * 3600 + fields[1] * 60 + Math.min(fields[2], 59);
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }
}
