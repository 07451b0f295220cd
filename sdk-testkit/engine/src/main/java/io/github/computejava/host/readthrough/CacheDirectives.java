package io.github.computejava.host.readthrough;

import io.github.computejava.abi.HttpToken;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The directives of a {@code Cache-Control} or {@code Surrogate-Control} field, parsed as RFC 9111 section 5.2
 * describes and as tolerantly as a cache must be: arguments may be tokens or quoted strings, empty list members
 * are skipped, members that are not a directive are ignored, and when a directive appears twice the first
 * occurrence counts (section 4.2.1). Parsing never fails.
 *
 * <p>Where Fastly reads these fields differently from RFC 9111, the Fastly reading is kept (observed on Fastly, see
 * docs/caching.md): {@code Cache-Control} names are case-insensitive but {@code Surrogate-Control} names are
 * case-sensitive ({@link #parseCaseSensitive}); a delta-seconds argument counts its leading digits
 * ({@code max-age=3600a} and {@code max-age=3600.5} are 3600); a quoted delta-seconds argument
 * ({@code max-age="3600"}) is ignored, where RFC 9111 section 5.2 would accept it.
 */
public final class CacheDirectives {
    /** No directives. */
    public static final CacheDirectives NONE = new CacheDirectives(Map.of(), Set.of(), false);

    /**
     * The largest delta-seconds value kept; anything larger (or an overflow) becomes this value, 2^31 (RFC 9111
     * section 1.2.2).
     */
    public static final long MAX_DELTA_SECONDS = 2147483648L;

    // directive name (lower case unless case-sensitive) -> argument, or null for a directive without one
    private final Map<String, String> directives;
    // the names whose argument was a quoted string
    private final Set<String> quoted;
    private final boolean caseSensitive;

    private CacheDirectives(Map<String, String> directives, Set<String> quoted, boolean caseSensitive) {
        this.directives = directives;
        this.quoted = quoted;
        this.caseSensitive = caseSensitive;
    }

    /**
     * Parses every line of a field whose directive names are case-insensitive ({@code Cache-Control}); the lines
     * are one comma-separated list.
     *
     * @param fieldLines the field's values in order, as received
     * @return the directives, possibly none
     * @throws NullPointerException if {@code fieldLines} or one of its elements is null
     */
    public static CacheDirectives parse(List<String> fieldLines) {
        return parse(fieldLines, false);
    }

    /**
     * Parses every line of a field whose directive names are case-sensitive, as Fastly reads
     * {@code Surrogate-Control} ({@code MaX-aGe=60} is not {@code max-age}).
     *
     * @param fieldLines the field's values in order, as received
     * @return the directives, possibly none
     * @throws NullPointerException if {@code fieldLines} or one of its elements is null
     */
    public static CacheDirectives parseCaseSensitive(List<String> fieldLines) {
        return parse(fieldLines, true);
    }

    private static CacheDirectives parse(List<String> fieldLines, boolean caseSensitive) {
        Objects.requireNonNull(fieldLines, "fieldLines");
        Map<String, String> found = new LinkedHashMap<>();
        Set<String> quoted = new HashSet<>();
        for (String line : fieldLines) {
            parseLine(Objects.requireNonNull(line, "fieldLines element"), found, quoted, caseSensitive);
        }
        if (found.isEmpty()) {
            return caseSensitive ? new CacheDirectives(Map.of(), Set.of(), true) : NONE;
        }
        return new CacheDirectives(Collections.unmodifiableMap(found), Set.copyOf(quoted), caseSensitive);
    }

    private String key(String name) {
        return caseSensitive ? name : name.toLowerCase(Locale.ROOT);
    }

    /**
     * Parses one field value.
     *
     * @param fieldValue the value, such as {@code public, max-age=60}
     * @return the directives, possibly none
     * @throws NullPointerException if {@code fieldValue} is null
     */
    public static CacheDirectives parse(String fieldValue) {
        return parse(List.of(fieldValue));
    }

    /**
     * Whether the directive is present, with or without an argument.
     *
     * @param name the directive (in any case, unless the field's names are case-sensitive)
     * @return true when present
     */
    public boolean has(String name) {
        return directives.containsKey(key(name));
    }

    /**
     * The directive's argument, unquoted.
     *
     * @param name the directive (in any case, unless the field's names are case-sensitive)
     * @return the argument of its first occurrence, or empty when the directive is absent or has no argument
     */
    public Optional<String> argument(String name) {
        return Optional.ofNullable(directives.get(key(name)));
    }

    /**
     * The directive's argument as delta-seconds, read as Fastly reads it: the argument's leading digits
     * ({@code 3600a}, {@code 3600.5} and {@code 3600.0} are 3600). A present directive whose argument is missing or
     * does not start with a digit counts as 0: for freshness that makes the response stale at once, as RFC 9111
     * section 4.2.1 encourages for invalid freshness information, and for the stale periods it grants nothing. A
     * quoted argument ({@code max-age="3600"}) is ignored, as if the directive were absent. Values beyond
     * {@link #MAX_DELTA_SECONDS} are clamped to it.
     *
     * @param name the directive (in any case, unless the field's names are case-sensitive)
     * @return the seconds, or empty when the directive is absent or its argument is quoted
     */
    public OptionalLong seconds(String name) {
        String key = key(name);
        if (!directives.containsKey(key) || quoted.contains(key)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(deltaSeconds(directives.get(key)));
    }

    /**
     * The directive names present (lower case unless the field's names are case-sensitive), in first-seen order.
     *
     * @return the names
     */
    public List<String> names() {
        return List.copyOf(directives.keySet());
    }

    /**
     * Whether there are no directives.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return directives.isEmpty();
    }

    /**
     * Parses a delta-seconds value (RFC 9111 section 1.2.2) as Fastly does: its leading decimal digits.
     *
     * @param value the text, or null
     * @return the seconds its leading digits make; 0 for null or text that does not start with a digit; at most
     *     {@link #MAX_DELTA_SECONDS}
     */
    public static long deltaSeconds(String value) {
        if (value == null) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            if (n < MAX_DELTA_SECONDS) {
                n = n * 10 + (c - '0');
            }
        }
        return Math.min(n, MAX_DELTA_SECONDS);
    }

    private static void parseLine(String line, Map<String, String> found, Set<String> quoted, boolean caseSensitive) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            i = skipSpace(line, i);
            int nameStart = i;
            while (i < n && HttpToken.isTokenChar(line.charAt(i))) {
                i++;
            }
            String name = line.substring(nameStart, i);
            if (!caseSensitive) {
                name = name.toLowerCase(Locale.ROOT);
            }
            i = skipSpace(line, i);
            String argument = null;
            boolean isQuoted = false;
            boolean valid = !name.isEmpty();
            if (i < n && line.charAt(i) == '=') {
                i = skipSpace(line, i + 1);
                if (i < n && line.charAt(i) == '"') {
                    isQuoted = true;
                    StringBuilder sb = new StringBuilder();
                    i++;
                    while (i < n && line.charAt(i) != '"') {
                        char c = line.charAt(i);
                        if (c == '\\' && i + 1 < n) {
                            i++;
                            c = line.charAt(i);
                        }
                        sb.append(c);
                        i++;
                    }
                    i = Math.min(i + 1, n); // past the closing quote (an unterminated string ends the line)
                    argument = sb.toString();
                } else {
                    int start = i;
                    while (i < n && HttpToken.isTokenChar(line.charAt(i))) {
                        i++;
                    }
                    argument = line.substring(start, i);
                }
                i = skipSpace(line, i);
            }
            if (i < n && line.charAt(i) != ',') {
                // not a directive (stray characters): drop this member up to the next comma outside quotes
                valid = false;
                i = nextComma(line, i);
            }
            if (valid && !found.containsKey(name)) {
                found.put(name, argument);
                if (isQuoted) {
                    quoted.add(name);
                }
            }
            i++; // past the comma
        }
    }

    private static int nextComma(String line, int i) {
        boolean quoted = false;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (quoted && c == '\\') {
                i += 2;
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                return i;
            }
            i++;
        }
        return line.length();
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CacheDirectives)) {
            return false;
        }
        CacheDirectives d = (CacheDirectives) o;
        return d.directives.equals(directives) && d.quoted.equals(quoted) && d.caseSensitive == caseSensitive;
    }

    @Override
    public int hashCode() {
        return Objects.hash(directives, quoted, caseSensitive);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        directives.forEach((k, v) -> parts.add(v == null ? k : k + "=" + v));
        return String.join(", ", parts);
    }
}
