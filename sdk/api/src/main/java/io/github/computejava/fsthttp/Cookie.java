package io.github.computejava.fsthttp;

import io.github.computejava.internal.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP cookie (RFC 6265): a name and value, plus the attributes a {@code Set-Cookie} header carries.
 * Immutable; build with {@link #builder(String, String)}.
 *
 * <pre>{@code
 * response.setCookie(Cookie.builder("session", id).path("/").httpOnly(true).secure(true)
 *         .maxAge(Duration.ofHours(1)).build());
 * Optional<Cookie> session = request.cookie("session");
 * }</pre>
 */
public final class Cookie {
    /** The {@code SameSite} attribute. */
    public enum SameSite {
        /** Sent only with same-site requests. */
        STRICT,
        /** Sent with same-site requests and top-level navigations. */
        LAX,
        /** Sent with every request (needs {@code Secure}). */
        NONE
    }

    private final String name;
    private final String value;
    private final String path;
    private final String domain;
    private final Instant expires;
    private final Duration maxAge;
    private final boolean secure;
    private final boolean httpOnly;
    private final SameSite sameSite;

    private Cookie(Builder b) {
        this.name = b.name;
        this.value = b.value;
        this.path = b.path;
        this.domain = b.domain;
        this.expires = b.expires;
        this.maxAge = b.maxAge;
        this.secure = b.secure;
        this.httpOnly = b.httpOnly;
        this.sameSite = b.sameSite;
    }

    /**
     * A cookie with a name and value and no attributes.
     *
     * @param name the name, an HTTP token
     * @param value the value, cookie octets (no spaces, quotes, commas, semicolons or backslashes)
     * @return the cookie
     * @throws IllegalArgumentException if the name or value is not valid
     * @throws NullPointerException if an argument is null
     */
    public static Cookie of(String name, String value) {
        return builder(name, value).build();
    }

    /**
     * A builder for a cookie.
     *
     * @param name the name, an HTTP token
     * @param value the value, cookie octets
     * @return a new builder
     * @throws IllegalArgumentException if the name or value is not valid
     * @throws NullPointerException if an argument is null
     */
    public static Builder builder(String name, String value) {
        return new Builder(name, value);
    }

    /**
     * A builder holding this cookie.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(name, value);
        b.path = path;
        b.domain = domain;
        b.expires = expires;
        b.maxAge = maxAge;
        b.secure = secure;
        b.httpOnly = httpOnly;
        b.sameSite = sameSite;
        return b;
    }

    /**
     * The name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The value.
     *
     * @return the value
     */
    public String value() {
        return value;
    }

    /**
     * The {@code Path} attribute.
     *
     * @return the path, or empty
     */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }

    /**
     * The {@code Domain} attribute.
     *
     * @return the domain, or empty
     */
    public Optional<String> domain() {
        return Optional.ofNullable(domain);
    }

    /**
     * The {@code Expires} attribute, to the second.
     *
     * @return the instant, or empty
     */
    public Optional<Instant> expires() {
        return Optional.ofNullable(expires);
    }

    /**
     * The {@code Max-Age} attribute; zero or negative deletes the cookie.
     *
     * @return the age, or empty
     */
    public Optional<Duration> maxAge() {
        return Optional.ofNullable(maxAge);
    }

    /**
     * Whether {@code Secure} is set.
     *
     * @return true when set
     */
    public boolean secure() {
        return secure;
    }

    /**
     * Whether {@code HttpOnly} is set.
     *
     * @return true when set
     */
    public boolean httpOnly() {
        return httpOnly;
    }

    /**
     * The {@code SameSite} attribute.
     *
     * @return the value, or empty
     */
    public Optional<SameSite> sameSite() {
        return Optional.ofNullable(sameSite);
    }

    /**
     * The cookie as a {@code Set-Cookie} header value.
     *
     * @return such as {@code id=a3fWa; Path=/; Max-Age=3600; Secure; HttpOnly}
     */
    public String toSetCookie() {
        StringBuilder sb = new StringBuilder();
        sb.append(name).append('=').append(value);
        if (path != null) {
            sb.append("; Path=").append(path);
        }
        if (domain != null) {
            sb.append("; Domain=").append(domain);
        }
        if (expires != null) {
            sb.append("; Expires=").append(HttpDate.format(expires.toEpochMilli()));
        }
        if (maxAge != null) {
            sb.append("; Max-Age=").append(Math.max(maxAge.getSeconds(), 0));
        }
        if (secure) {
            sb.append("; Secure");
        }
        if (httpOnly) {
            sb.append("; HttpOnly");
        }
        if (sameSite != null) {
            sb.append("; SameSite=")
                    .append(sameSite == SameSite.STRICT ? "Strict" : sameSite == SameSite.LAX ? "Lax" : "None");
        }
        return sb.toString();
    }

    /**
     * Parses a {@code Set-Cookie} header value. Unknown attributes are ignored, as browsers do.
     *
     * @param header the header value
     * @return the cookie, or empty when the value has no valid name=value pair
     * @throws NullPointerException if {@code header} is null
     */
    public static Optional<Cookie> parseSetCookie(String header) {
        Objects.requireNonNull(header, "header");
        String[] parts = split(header, ';');
        String pair = parts[0].trim();
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            return Optional.empty();
        }
        String n = pair.substring(0, eq).trim();
        String v = unquote(pair.substring(eq + 1).trim());
        if (!isValidName(n) || !isValidValue(v)) {
            return Optional.empty();
        }
        Builder b = new Builder(n, v);
        for (int i = 1; i < parts.length; i++) {
            String attr = parts[i].trim();
            int e = attr.indexOf('=');
            String key = Text.asciiLower(e < 0 ? attr : attr.substring(0, e).trim());
            String val = e < 0 ? "" : attr.substring(e + 1).trim();
            switch (key) {
                case "path":
                    b.path = val.isEmpty() ? null : val;
                    break;
                case "domain":
                    b.domain = val.isEmpty() ? null : val;
                    break;
                case "expires":
                    HttpDate.parse(val).ifPresent(ms -> b.expires = Instant.ofEpochMilli(ms));
                    break;
                case "max-age":
                    try {
                        b.maxAge = Duration.ofSeconds(Long.parseLong(val));
                    } catch (NumberFormatException ignored) {
                        // an invalid Max-Age is ignored
                    }
                    break;
                case "secure":
                    b.secure = true;
                    break;
                case "httponly":
                    b.httpOnly = true;
                    break;
                case "samesite":
                    String s = Text.asciiLower(val);
                    b.sameSite = s.equals("strict")
                            ? SameSite.STRICT
                            : s.equals("lax") ? SameSite.LAX : s.equals("none") ? SameSite.NONE : null;
                    break;
                default:
                    break;
            }
        }
        return Optional.of(b.build());
    }

    /**
     * Parses a {@code Cookie} request header: {@code a=1; b=2}. Pairs that are not valid are skipped.
     *
     * @param header the header value
     * @return the cookies, in order (names and values only)
     * @throws NullPointerException if {@code header} is null
     */
    public static List<Cookie> parseCookieHeader(String header) {
        Objects.requireNonNull(header, "header");
        List<Cookie> cookies = new ArrayList<>();
        for (String part : split(header, ';')) {
            String pair = part.trim();
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String n = pair.substring(0, eq).trim();
            String v = unquote(pair.substring(eq + 1).trim());
            if (isValidName(n) && isValidValue(v)) {
                cookies.add(new Builder(n, v).build());
            }
        }
        return cookies;
    }

    private static String[] split(String s, char sep) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == sep) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts.toArray(new String[0]);
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"'
                ? v.substring(1, v.length() - 1)
                : v;
    }

    static boolean isValidName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Text.isTokenChar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** RFC 6265 cookie-octet: visible ASCII except DQUOTE, comma, semicolon and backslash. */
    static boolean isValidValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7F || c == '"' || c == ',' || c == ';' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static String checkAttribute(String v, String what) {
        Objects.requireNonNull(v, what);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == ';') {
                throw new IllegalArgumentException(what + ": must be visible ASCII without ';'");
            }
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Cookie)) {
            return false;
        }
        Cookie c = (Cookie) o;
        return name.equals(c.name)
                && value.equals(c.value)
                && Objects.equals(path, c.path)
                && Objects.equals(domain, c.domain)
                && Objects.equals(expires, c.expires)
                && Objects.equals(maxAge, c.maxAge)
                && secure == c.secure
                && httpOnly == c.httpOnly
                && sameSite == c.sameSite;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, value, path, domain, expires, maxAge, secure, httpOnly, sameSite);
    }

    @Override
    public String toString() {
        return toSetCookie();
    }

    /** Builds a {@link Cookie}; every setter checks its argument at once. */
    public static final class Builder {
        private final String name;
        private final String value;
        private String path;
        private String domain;
        private Instant expires;
        private Duration maxAge;
        private boolean secure;
        private boolean httpOnly;
        private SameSite sameSite;

        private Builder(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (!isValidName(name)) {
                throw new IllegalArgumentException("name: '" + name + "' is not a valid cookie name");
            }
            if (!isValidValue(value)) {
                throw new IllegalArgumentException("value: a cookie value cannot contain spaces, quotes, commas,"
                        + " semicolons, backslashes or non-ASCII");
            }
            this.name = name;
            this.value = value;
        }

        /**
         * Sets {@code Path}.
         *
         * @param path such as {@code /}
         * @return this builder
         * @throws IllegalArgumentException if it holds controls, non-ASCII or ';'
         * @throws NullPointerException if {@code path} is null
         */
        public Builder path(String path) {
            this.path = checkAttribute(path, "path");
            return this;
        }

        /**
         * Sets {@code Domain}.
         *
         * @param domain such as {@code example.com}
         * @return this builder
         * @throws IllegalArgumentException if it holds controls, non-ASCII or ';'
         * @throws NullPointerException if {@code domain} is null
         */
        public Builder domain(String domain) {
            this.domain = checkAttribute(domain, "domain");
            return this;
        }

        /**
         * Sets {@code Expires} (sent to the second).
         *
         * @param expires the instant
         * @return this builder
         * @throws NullPointerException if {@code expires} is null
         */
        public Builder expires(Instant expires) {
            this.expires = Objects.requireNonNull(expires, "expires");
            return this;
        }

        /**
         * Sets {@code Max-Age} (sent in whole seconds; zero or negative deletes the cookie).
         *
         * @param maxAge the age
         * @return this builder
         * @throws NullPointerException if {@code maxAge} is null
         */
        public Builder maxAge(Duration maxAge) {
            this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
            return this;
        }

        /**
         * Sets {@code Secure}.
         *
         * @param secure true to set
         * @return this builder
         */
        public Builder secure(boolean secure) {
            this.secure = secure;
            return this;
        }

        /**
         * Sets {@code HttpOnly}.
         *
         * @param httpOnly true to set
         * @return this builder
         */
        public Builder httpOnly(boolean httpOnly) {
            this.httpOnly = httpOnly;
            return this;
        }

        /**
         * Sets {@code SameSite}.
         *
         * @param sameSite the policy
         * @return this builder
         * @throws NullPointerException if {@code sameSite} is null
         */
        public Builder sameSite(SameSite sameSite) {
            this.sameSite = Objects.requireNonNull(sameSite, "sameSite");
            return this;
        }

        /**
         * Builds the cookie.
         *
         * @return an immutable cookie
         */
        public Cookie build() {
            return new Cookie(this);
        }
    }
}
