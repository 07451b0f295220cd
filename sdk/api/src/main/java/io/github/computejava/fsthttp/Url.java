package io.github.computejava.fsthttp;

import io.github.computejava.internal.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A URL as a value: its scheme, host, path, query and fragment, each readable and replaceable, and the query's
 * parameters read and written by name (decoded as HTML forms encode them: {@code +} is a space, {@code %XX} a
 * UTF-8 byte).
 *
 * <pre>{@code
 * Url url = request.parsedUrl();
 * String page = url.queryParam("page").orElse("1");
 * request.url(url.path("/v2" + url.path()).queryParam("page", "2").removeQueryParam("debug"));
 * }</pre>
 *
 * <p>A {@code Url} is immutable: every change returns a new value. It keeps the text it was parsed from, so an
 * unchanged part reads back exactly as it was written; parameters written through {@link #queryParam(String,
 * String)} and {@link #addQueryParam(String, String)} are percent-encoded (every byte outside {@code A-Z a-z 0-9
 * - . _ ~}). A relative URL (a path with an optional query) is a URL without scheme and host.
 */
public final class Url {
    private static final String HEX = "0123456789ABCDEF";

    private final String scheme;
    private final String authority;
    private final String path;
    private final String query;
    private final String fragment;

    private Url(String scheme, String authority, String path, String query, String fragment) {
        this.scheme = scheme;
        this.authority = authority;
        this.path = path;
        this.query = query;
        this.fragment = fragment;
    }

    /**
     * Parses a URL, absolute ({@code https://example.com/a?b=1}) or relative ({@code /a?b=1}).
     *
     * @param url the URL
     * @return its value
     * @throws NullPointerException if {@code url} is null
     */
    public static Url parse(String url) {
        Objects.requireNonNull(url, "url");
        String scheme = null;
        String authority = null;
        String rest = url;
        int sep = url.indexOf("://");
        if (sep > 0 && isScheme(url, sep)) {
            scheme = url.substring(0, sep);
            int start = sep + 3;
            int end = start;
            while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
                end++;
            }
            authority = url.substring(start, end);
            rest = url.substring(end);
        }
        String fragment = null;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            fragment = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        return new Url(scheme, authority, rest, query, fragment);
    }

    private static boolean isScheme(String s, int end) {
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            if (!letter && (i == 0 || !(c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'))) {
                return false;
            }
        }
        return true;
    }

    /** The scheme, such as {@code https}, or empty for a relative URL. */
    public Optional<String> scheme() {
        return Optional.ofNullable(scheme);
    }

    /** The host with its port if one is given, such as {@code example.com:8080}, or empty for a relative URL. */
    public Optional<String> host() {
        return Optional.ofNullable(authority);
    }

    /** The path as written, {@code /} when the URL has none. */
    public String path() {
        return path.isEmpty() ? "/" : path;
    }

    /**
     * The same URL with another path.
     *
     * @param path the path as it is to be written (not encoded here), starting with {@code /} for an absolute URL
     * @return the new URL
     * @throws IllegalArgumentException if the path holds {@code ?}, {@code #}, spaces or control characters, or
     *     does not start with {@code /} in a URL with a host
     * @throws NullPointerException if {@code path} is null
     */
    public Url path(String path) {
        Objects.requireNonNull(path, "path");
        checkPart(path, "path", "?#");
        if (authority != null && !path.isEmpty() && path.charAt(0) != '/') {
            throw new IllegalArgumentException("path: must start with '/' in a URL with a host");
        }
        return new Url(scheme, authority, path, query, fragment);
    }

    /** The query as written, without the {@code ?}, or empty when the URL has none. */
    public Optional<String> query() {
        return Optional.ofNullable(query);
    }

    /**
     * The same URL with another query.
     *
     * @param query the query as it is to be written (not encoded here), without the {@code ?}; null for none
     * @return the new URL
     * @throws IllegalArgumentException if the query holds {@code #}, spaces or control characters
     */
    public Url query(String query) {
        if (query != null) {
            checkPart(query, "query", "#");
        }
        return new Url(scheme, authority, path, query, fragment);
    }

    /** The fragment, without the {@code #}, or empty when the URL has none. */
    public Optional<String> fragment() {
        return Optional.ofNullable(fragment);
    }

    /**
     * The decoded value of the first query parameter with this name: {@code "a b"} for {@code ?q=a+b}, {@code ""}
     * for {@code ?q} or {@code ?q=}.
     *
     * @param name the parameter's name, decoded
     * @return the value, or empty when the query has no such parameter
     * @throws NullPointerException if {@code name} is null
     */
    public Optional<String> queryParam(String name) {
        Objects.requireNonNull(name, "name");
        List<String[]> params = params();
        for (String[] p : params) {
            if (p[0].equals(name)) {
                return Optional.of(p[1]);
            }
        }
        return Optional.empty();
    }

    /**
     * The decoded values of every query parameter with this name, in order.
     *
     * @param name the parameter's name, decoded
     * @return the values, empty when there are none
     * @throws NullPointerException if {@code name} is null
     */
    public List<String> queryParamValues(String name) {
        Objects.requireNonNull(name, "name");
        List<String> values = new ArrayList<>();
        for (String[] p : params()) {
            if (p[0].equals(name)) {
                values.add(p[1]);
            }
        }
        return values;
    }

    /**
     * The decoded names of the query parameters, each once, in the order they first appear.
     *
     * @return the names
     */
    public List<String> queryParamNames() {
        List<String> names = new ArrayList<>();
        for (String[] p : params()) {
            if (!names.contains(p[0])) {
                names.add(p[0]);
            }
        }
        return names;
    }

    /**
     * The same URL with one parameter of this name, holding {@code value}, where the first one was (or at the
     * end); the others of this name are removed.
     *
     * @param name the name, encoded here
     * @param value the value, encoded here
     * @return the new URL
     * @throws NullPointerException if an argument is null
     */
    public Url queryParam(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        String pair = encode(name) + "=" + encode(value);
        StringBuilder out = new StringBuilder();
        boolean placed = false;
        if (query != null && !query.isEmpty()) {
            for (String raw : pairs(query)) {
                if (nameOf(raw).equals(name)) {
                    if (placed) {
                        continue;
                    }
                    placed = true;
                    raw = pair;
                }
                append(out, raw);
            }
        }
        if (!placed) {
            append(out, pair);
        }
        return new Url(scheme, authority, path, out.toString(), fragment);
    }

    /**
     * The same URL with a parameter added at the end of the query.
     *
     * @param name the name, encoded here
     * @param value the value, encoded here
     * @return the new URL
     * @throws NullPointerException if an argument is null
     */
    public Url addQueryParam(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        String pair = encode(name) + "=" + encode(value);
        String q = query == null || query.isEmpty() ? pair : query + "&" + pair;
        return new Url(scheme, authority, path, q, fragment);
    }

    /**
     * The same URL without the parameters of this name; the query goes when none is left.
     *
     * @param name the name, decoded
     * @return the new URL
     * @throws NullPointerException if {@code name} is null
     */
    public Url removeQueryParam(String name) {
        Objects.requireNonNull(name, "name");
        if (query == null) {
            return this;
        }
        StringBuilder out = new StringBuilder();
        for (String raw : pairs(query)) {
            if (!raw.isEmpty() && !nameOf(raw).equals(name)) {
                append(out, raw);
            }
        }
        return new Url(scheme, authority, path, out.length() == 0 ? null : out.toString(), fragment);
    }

    /** The query's {@code &}-separated parts, empty ones included (no regular expressions in main.wasm). */
    private static List<String> pairs(String query) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (true) {
            int amp = query.indexOf('&', start);
            if (amp < 0) {
                parts.add(query.substring(start));
                return parts;
            }
            parts.add(query.substring(start, amp));
            start = amp + 1;
        }
    }

    private static void append(StringBuilder out, String pair) {
        if (out.length() > 0) {
            out.append('&');
        }
        out.append(pair);
    }

    private List<String[]> params() {
        List<String[]> params = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String raw : pairs(query)) {
            if (raw.isEmpty()) {
                continue;
            }
            int eq = raw.indexOf('=');
            params.add(new String[] {
                decode(eq < 0 ? raw : raw.substring(0, eq)), eq < 0 ? "" : decode(raw.substring(eq + 1))
            });
        }
        return params;
    }

    private static String nameOf(String raw) {
        int eq = raw.indexOf('=');
        return decode(eq < 0 ? raw : raw.substring(0, eq));
    }

    /**
     * Decodes a query component as forms encode it: {@code +} is a space, {@code %XX} a byte, the bytes UTF-8;
     * a {@code %} not followed by two hex digits stays as it is.
     *
     * @param s the encoded text
     * @return the decoded text
     */
    static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        byte[] out = new byte[s.length() * 3];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out[n++] = ' ';
            } else if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out[n++] = (byte) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                byte[] b = Text.utf8(String.valueOf(c));
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = Text.utf8(s.substring(i, i + 2));
                    i++;
                }
                System.arraycopy(b, 0, out, n, b.length);
                n += b.length;
            }
        }
        return Text.utf8(out, 0, n);
    }

    /**
     * Percent-encodes text for a query: every UTF-8 byte outside {@code A-Z a-z 0-9 - . _ ~} becomes {@code %XX}.
     *
     * @param s the text
     * @return the encoded text
     */
    static String encode(String s) {
        byte[] bytes = Text.utf8(s);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xFF;
            boolean plain = c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~';
            if (plain) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static void checkPart(String s, String what, String forbidden) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7F || forbidden.indexOf(c) >= 0) {
                throw new IllegalArgumentException(
                        what + ": must not contain '" + c + "', spaces or control characters");
            }
        }
    }

    /** The URL as text. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (scheme != null) {
            s.append(scheme).append("://").append(authority);
        }
        s.append(authority != null && path.isEmpty() && (query != null || fragment != null) ? "/" : path);
        if (authority == null && path.isEmpty()) {
            s.append('/');
        }
        if (query != null) {
            s.append('?').append(query);
        }
        if (fragment != null) {
            s.append('#').append(fragment);
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Url && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
