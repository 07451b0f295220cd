package io.github.computejava.host.readthrough;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One range-spec of a {@code Range: bytes=...} request header (RFC 9110 section 14.1.1): an int-range
 * {@code first-last} or {@code first-}, or a suffix-range {@code -length}; and its resolution against a
 * representation's length (section 14.1.2).
 */
public final class ByteRange {
    private final long first; // -1 for a suffix-range
    private final long last; // -1 when open; for a suffix-range, the suffix length

    private ByteRange(long first, long last) {
        this.first = first;
        this.last = last;
    }

    /**
     * Parses a {@code Range} field value. The range unit is compared case-insensitively (section 14.1); spaces and
     * empty members around the commas of the range-set are allowed (section 5.6.1); nothing else is.
     *
     * @param value the field value, such as {@code bytes=0-99}
     * @return the range-specs in order, or empty when the value is not a valid bytes ranges-specifier (a unit other
     *     than {@code bytes}, a member that is not a range-spec, an int-range whose last position is before its
     *     first, or no range-spec at all), which a server ignores
     * @throws NullPointerException if {@code value} is null
     */
    public static Optional<List<ByteRange>> parseSet(String value) {
        Objects.requireNonNull(value, "value");
        int eq = value.indexOf('=');
        if (eq < 0 || !value.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("bytes")) {
            return Optional.empty();
        }
        List<ByteRange> ranges = new ArrayList<>();
        for (String member : value.substring(eq + 1).split(",", -1)) {
            String m = member.trim();
            if (m.isEmpty()) {
                continue;
            }
            int dash = m.indexOf('-');
            if (dash < 0) {
                return Optional.empty();
            }
            String a = m.substring(0, dash);
            String b = m.substring(dash + 1);
            if (a.isEmpty()) {
                if (!isDigits(b)) {
                    return Optional.empty();
                }
                ranges.add(new ByteRange(-1, number(b)));
            } else {
                if (!isDigits(a) || !b.isEmpty() && !isDigits(b)) {
                    return Optional.empty();
                }
                long first = number(a);
                long last = b.isEmpty() ? -1 : number(b);
                if (last >= 0 && last < first) {
                    return Optional.empty();
                }
                ranges.add(new ByteRange(first, last));
            }
        }
        return ranges.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(ranges));
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    // a position too large for a long is as good as infinite
    private static long number(String digits) {
        long n = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (n > (Long.MAX_VALUE - d) / 10) {
                return Long.MAX_VALUE;
            }
            n = n * 10 + d;
        }
        return n;
    }

    /**
     * Whether it is a suffix-range ({@code -length}).
     *
     * @return true for a suffix-range
     */
    public boolean isSuffix() {
        return first < 0;
    }

    /**
     * The length of a suffix-range.
     *
     * @return the number of final bytes asked for, or -1 for an int-range
     */
    public long suffixLength() {
        return first < 0 ? last : -1;
    }

    /**
     * Whether it selects at least one byte of a representation of this length (section 14.1.2): an int-range
     * whose first position is within it, or a suffix-range of at least one byte of a non-empty one.
     *
     * @param length the representation's length
     * @return true when satisfiable
     */
    public boolean isSatisfiable(long length) {
        return first < 0 ? last > 0 && length > 0 : first < length;
    }

    /**
     * The first byte selected from a representation of this length.
     *
     * @param length the length; the range must be satisfiable for it
     * @return the offset
     */
    public long start(long length) {
        return first < 0 ? Math.max(0, length - last) : first;
    }

    /**
     * The last byte (inclusive) selected from a representation of this length: a last position beyond its end is
     * taken as its end.
     *
     * @param length the length; the range must be satisfiable for it
     * @return the offset
     */
    public long end(long length) {
        return first < 0 || last < 0 || last >= length ? length - 1 : last;
    }

    @Override
    public String toString() {
        return first < 0 ? "-" + last : first + "-" + (last < 0 ? "" : Long.toString(last));
    }
}
