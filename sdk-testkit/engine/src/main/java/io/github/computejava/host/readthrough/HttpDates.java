package io.github.computejava.host.readthrough;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP-date parsing (RFC 9110 section 5.6.7): the IMF-fixdate {@code Sun, 06 Nov 1994 08:49:37 GMT}, and the
 * obsolete RFC 850 ({@code Sunday, 06-Nov-94 08:49:37 GMT}) and asctime ({@code Sun Nov  6 08:49:37 1994}) forms
 * a recipient must accept. Day and month names are matched case-insensitively and the day name is not checked
 * against the date; anything else that is not one of the three forms is rejected. Parsing never throws.
 *
 * <p>{@link #parseLenient} also reads the near misses Fastly reads as the date they name when it computes freshness
 * (observed on Fastly, see docs/caching.md): a one-digit day or hour, and extra spaces.
 */
public final class HttpDates {
    private static final String[] MONTHS = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
    };
    private static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    private static final String[] LONG_DAYS = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
    };

    private HttpDates() {}

    /**
     * Parses an HTTP-date.
     *
     * @param value the field value
     * @param now the current time, which resolves the two-digit years of the RFC 850 form (a year more than 50
     *     years ahead is taken as the most recent past year with those digits)
     * @return the instant, or empty when {@code value} is not a valid HTTP-date
     * @throws NullPointerException if an argument is null
     */
    public static Optional<Instant> parse(String value, Instant now) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(now, "now");
        String s = value.trim();
        try {
            if (s.length() == 29 && s.charAt(3) == ',') {
                return imfFixdate(s);
            }
            int comma = s.indexOf(',');
            if (comma > 3) {
                return rfc850(s, comma, now);
            }
            if (s.length() == 24) {
                return asctime(s);
            }
        } catch (DateTimeException | NumberFormatException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Parses an HTTP-date, or a near miss of the IMF-fixdate or RFC 850 form: the day name (and its comma) may be
     * missing, runs of spaces count as one, the day and the hour may have one digit, the RFC 850 parts may be
     * separated by spaces instead of dashes; the zone must still be {@code GMT} (RFC 9111 section 4.2 says a cache
     * should consider any other zone invalid).
     *
     * @param value the field value
     * @param now the current time (see {@link #parse})
     * @return the instant, or empty when {@code value} is neither an HTTP-date nor such a near miss
     * @throws NullPointerException if an argument is null
     */
    public static Optional<Instant> parseLenient(String value, Instant now) {
        Optional<Instant> strict = parse(value, now);
        if (strict.isPresent()) {
            return strict;
        }
        String[] tokens = value.replace(',', ' ').replace('-', ' ').trim().split("[ \\t]+");
        List<String> parts = new ArrayList<>(List.of(tokens));
        try {
            int at = 0;
            if (parts.size() == 6) {
                String day = parts.get(0).toLowerCase(Locale.ROOT);
                if (indexOf(DAYS, day) < 0 && indexOf(LONG_DAYS, day) < 0) {
                    return Optional.empty();
                }
                at = 1;
            } else if (parts.size() != 5) {
                return Optional.empty();
            }
            int day = number(parts.get(at), 1, 2);
            int month = indexOf(MONTHS, parts.get(at + 1));
            String yearText = parts.get(at + 2);
            int year = number(yearText, 2, 4);
            if (yearText.length() == 3) {
                return Optional.empty();
            }
            if (yearText.length() == 2) {
                int thisYear = LocalDateTime.ofInstant(now, ZoneOffset.UTC).getYear();
                year = thisYear - Math.floorMod(thisYear, 100) + year;
                if (year > thisYear + 50) {
                    year -= 100;
                }
            }
            String[] time = parts.get(at + 3).split(":", -1);
            if (month < 0 || time.length != 3 || !parts.get(at + 4).equalsIgnoreCase("GMT")) {
                return Optional.empty();
            }
            int second = number(time[2], 2, 2);
            return Optional.of(LocalDateTime.of(
                            year, month + 1, day, number(time[0], 1, 2), number(time[1], 2, 2), Math.min(second, 59))
                    .toInstant(ZoneOffset.UTC));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int number(String s, int minDigits, int maxDigits) {
        if (s.length() < minDigits || s.length() > maxDigits) {
            throw new NumberFormatException("not " + minDigits + " to " + maxDigits + " digits: " + s);
        }
        return digits(s, 0, s.length());
    }

    // "Sun, 06 Nov 1994 08:49:37 GMT"
    private static Optional<Instant> imfFixdate(String s) {
        if (indexOf(DAYS, s.substring(0, 3)) < 0
                || s.charAt(4) != ' '
                || s.charAt(7) != ' '
                || s.charAt(11) != ' '
                || s.charAt(16) != ' '
                || s.charAt(25) != ' '
                || !s.endsWith("GMT")) {
            return Optional.empty();
        }
        int day = digits(s, 5, 2);
        int month = indexOf(MONTHS, s.substring(8, 11));
        int year = digits(s, 12, 4);
        return at(year, month, day, s, 17);
    }

    // "Sunday, 06-Nov-94 08:49:37 GMT"
    private static Optional<Instant> rfc850(String s, int comma, Instant now) {
        if (indexOf(LONG_DAYS, s.substring(0, comma)) < 0) {
            return Optional.empty();
        }
        String rest = s.substring(comma + 1);
        if (rest.length() != 23
                || rest.charAt(0) != ' '
                || rest.charAt(3) != '-'
                || rest.charAt(7) != '-'
                || rest.charAt(10) != ' '
                || rest.charAt(19) != ' '
                || !rest.endsWith("GMT")) {
            return Optional.empty();
        }
        int day = digits(rest, 1, 2);
        int month = indexOf(MONTHS, rest.substring(4, 7));
        int twoDigits = digits(rest, 8, 2);
        int thisYear = LocalDateTime.ofInstant(now, ZoneOffset.UTC).getYear();
        int year = thisYear - Math.floorMod(thisYear, 100) + twoDigits;
        if (year > thisYear + 50) {
            year -= 100;
        }
        return at(year, month, day, rest, 11);
    }

    // "Sun Nov  6 08:49:37 1994"
    private static Optional<Instant> asctime(String s) {
        if (indexOf(DAYS, s.substring(0, 3)) < 0
                || s.charAt(3) != ' '
                || s.charAt(7) != ' '
                || s.charAt(10) != ' '
                || s.charAt(19) != ' ') {
            return Optional.empty();
        }
        int month = indexOf(MONTHS, s.substring(4, 7));
        int day = s.charAt(8) == ' ' ? digits(s, 9, 1) : digits(s, 8, 2);
        int year = digits(s, 20, 4);
        return at(year, month, day, s, 11);
    }

    private static Optional<Instant> at(int year, int month, int day, String s, int timeAt) {
        if (month < 0 || s.charAt(timeAt + 2) != ':' || s.charAt(timeAt + 5) != ':') {
            return Optional.empty();
        }
        int hour = digits(s, timeAt, 2);
        int minute = digits(s, timeAt + 3, 2);
        int second = digits(s, timeAt + 6, 2);
        if (second == 60) {
            second = 59; // a leap second, which java.time does not model
        }
        return Optional.of(
                LocalDateTime.of(year, month + 1, day, hour, minute, second).toInstant(ZoneOffset.UTC));
    }

    private static int digits(String s, int at, int count) {
        int n = 0;
        for (int i = at; i < at + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a digit: " + c);
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static int indexOf(String[] names, String candidate) {
        String lower = candidate.toLowerCase(Locale.ROOT);
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(lower)) {
                return i;
            }
        }
        return -1;
    }
}
