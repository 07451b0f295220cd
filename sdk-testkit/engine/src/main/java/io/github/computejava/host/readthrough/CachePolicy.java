package io.github.computejava.host.readthrough;

import io.github.computejava.host.http.CacheOverride;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.ResponseHead;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Fastly's readthrough caching rules as pure functions: which requests may be looked up, which responses may be
 * stored and for how long, what a revalidation request carries, how a 304 refreshes a stored response, and what
 * the client sees.
 *
 * <p>Storage: only responses with status 200, 203, 300, 301, 302, 404 or 410 are stored. A response is recorded
 * as uncacheable (hit-for-pass: later requests go straight to the backend) when it sets a cookie, says
 * {@code Cache-Control: private} or {@code no-store} (or {@code Surrogate-Control: no-store}), or varies on
 * {@code *}. {@code Cache-Control: no-store} gives way to a {@code Surrogate-Control: max-age}, as observed on
 * Fastly. {@code no-cache} is ignored, as Fastly does. A TTL override replaces the lifetime of a storable
 * response only: it never makes an uncacheable response storable.
 *
 * <p>Revalidation: a {@code 304} refreshes the stored response's freshness from the 304's own headers (its
 * {@code Age}, or 0) and keeps the stored headers as they were first stored ({@link #revalidated}).
 */
public final class CachePolicy {
    /**
     * Fastly's lifetime for a cacheable response without freshness information: 2 minutes, the default of the
     * readthrough cache's freshness table (Fastly's "Cache freshness and TTLs"). The 3600 s of Fastly's "Controlling
     * caching" page is a VCL service's configurable fallback, which a Compute service does not have.
     */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(120);

    /** The shortest time a hit-for-pass marker lasts. */
    public static final Duration MIN_HIT_FOR_PASS = Duration.ofSeconds(120);

    /** The statuses Fastly stores. */
    public static final Set<Integer> CACHEABLE_STATUSES = Set.of(200, 203, 300, 301, 302, 404, 410);

    /** The request header carrying a 32-byte cache key override as 64 hex digits. */
    public static final String CACHE_KEY_HEADER = "fastly-xqd-cache-key";

    private static final List<String> CONDITIONAL_HEADERS =
            List.of("If-None-Match", "If-Modified-Since", "If-Match", "If-Unmodified-Since", "If-Range", "Range");

    private final Duration defaultTtl;

    private CachePolicy(Duration defaultTtl) {
        this.defaultTtl = defaultTtl;
    }

    /**
     * Fastly's policy: a default lifetime of {@link #DEFAULT_TTL}.
     *
     * @return the policy
     */
    public static CachePolicy fastly() {
        return new CachePolicy(DEFAULT_TTL);
    }

    /**
     * A policy with another default lifetime.
     *
     * @param defaultTtl the lifetime of a cacheable response without freshness information
     * @return the policy
     * @throws IllegalArgumentException if {@code defaultTtl} is negative
     * @throws NullPointerException if {@code defaultTtl} is null
     */
    public static CachePolicy withDefaultTtl(Duration defaultTtl) {
        Objects.requireNonNull(defaultTtl, "defaultTtl");
        if (defaultTtl.isNegative()) {
            throw new IllegalArgumentException("defaultTtl: negative (" + defaultTtl + ")");
        }
        return new CachePolicy(defaultTtl);
    }

    /**
     * The default lifetime.
     *
     * @return the lifetime of a cacheable response without freshness information
     */
    public Duration defaultTtl() {
        return defaultTtl;
    }

    /**
     * Whether a request may be answered from the cache: {@code GET} and {@code HEAD} only (RFC 9111's
     * conservative reading, and what {@code is_request_cacheable} reports).
     *
     * @param method the request method
     * @return true for GET and HEAD
     */
    public static boolean isRequestCacheable(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    /**
     * What to do with a response from the backend.
     *
     * @param response the response head
     * @param arrival when it arrived
     * @param override the request's cache override
     * @return the decision: action, reason and the metadata to store
     * @throws NullPointerException if an argument is null
     */
    public Decision evaluate(ResponseHead response, Instant arrival, CacheOverride override) {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(arrival, "arrival");
        Objects.requireNonNull(override, "override");
        HeaderList h = response.headers();
        Freshness headerFreshness = Freshness.of(h, arrival, defaultTtl);
        VaryHeader vary = VaryHeader.of(h);
        String keys = surrogateKeys(h, override.surrogateKey());

        StorageAction action = StorageAction.INSERT;
        String reason = "cacheable";
        CacheDirectives cc = CacheDirectives.parse(h.values("Cache-Control"));
        CacheDirectives sc = CacheDirectives.parseCaseSensitive(h.values("Surrogate-Control"));
        if (!CACHEABLE_STATUSES.contains(response.status())) {
            action = StorageAction.DO_NOT_STORE;
            reason = "status " + response.status() + " is not cacheable";
        } else if (h.contains("Set-Cookie")) {
            action = StorageAction.RECORD_UNCACHEABLE;
            reason = "the response sets a cookie (Set-Cookie)";
        } else if (cc.has("private")) {
            action = StorageAction.RECORD_UNCACHEABLE;
            reason = "Cache-Control: private";
        } else if (cc.has("no-store") && sc.seconds("max-age").isEmpty()) {
            action = StorageAction.RECORD_UNCACHEABLE;
            reason = "Cache-Control: no-store";
        } else if (sc.has("no-store")) {
            action = StorageAction.RECORD_UNCACHEABLE;
            reason = "Surrogate-Control: no-store";
        } else if (vary.any()) {
            action = StorageAction.RECORD_UNCACHEABLE;
            reason = "Vary: *";
        }

        Freshness freshness = headerFreshness;
        if (action == StorageAction.INSERT) {
            freshness = applyOverride(freshness, override);
        }
        return new Decision(action, reason, freshness, vary.names(), keys, override.pci());
    }

    /**
     * Applies the TTL and stale-while-revalidate overrides.
     *
     * @param freshness freshness from the headers
     * @param override the request's overrides
     * @return the freshness to store
     * @throws NullPointerException if an argument is null
     */
    public static Freshness applyOverride(Freshness freshness, CacheOverride override) {
        Freshness f = freshness;
        if (override.hasTtl()) {
            f = f.withLifetime(override.ttlSeconds());
        }
        if (override.hasStaleWhileRevalidate()) {
            f = f.withStaleWhileRevalidate(override.staleWhileRevalidateSeconds());
        }
        return f;
    }

    /**
     * The response's surrogate keys: those of every {@code Surrogate-Key} field, then the override's, each once.
     * Keys that are not graphic ASCII or are longer than 1024 bytes are ignored, as Fastly ignores them.
     *
     * @param headers the response headers
     * @param overrideKeys space-separated keys added by the request's override, or null
     * @return space-separated keys, possibly empty
     * @throws NullPointerException if {@code headers} is null
     */
    public static String surrogateKeys(HeaderList headers, String overrideKeys) {
        Set<String> keys = new LinkedHashSet<>();
        for (String line : headers.values("Surrogate-Key")) {
            addKeys(keys, line);
        }
        if (overrideKeys != null) {
            addKeys(keys, overrideKeys);
        }
        return String.join(" ", keys);
    }

    private static void addKeys(Set<String> keys, String list) {
        for (String k : list.split("[ \t]+")) {
            if (!k.isEmpty() && k.length() <= 1024 && k.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
                keys.add(k);
            }
        }
    }

    /**
     * The request to send to the backend to fill or revalidate the cache: the client's request without its own
     * conditional and range headers (the cache wants the whole response) and without the cache key override;
     * when a stale response is stored, with {@code If-None-Match} and {@code If-Modified-Since} from its
     * {@code ETag} and {@code Last-Modified}.
     *
     * @param request the client's request
     * @param stale the stored response's headers, or null when nothing is stored
     * @return a new request head
     * @throws NullPointerException if {@code request} is null
     */
    public static RequestHead backendRequest(RequestHead request, HeaderList stale) {
        RequestHead r = request.copy();
        for (String name : CONDITIONAL_HEADERS) {
            r.headers().remove(name);
        }
        r.headers().remove(CACHE_KEY_HEADER);
        if (stale != null) {
            String etag = stale.first("ETag");
            String lastModified = stale.first("Last-Modified");
            if (etag != null) {
                r.headers().set("If-None-Match", etag);
            }
            if (lastModified != null) {
                r.headers().set("If-Modified-Since", lastModified);
            }
        }
        return r;
    }

    /**
     * Whether a stored response can be revalidated: it has an {@code ETag} or a {@code Last-Modified}.
     *
     * @param stored the stored response's headers
     * @return true when it carries a validator
     */
    public static boolean hasValidator(HeaderList stored) {
        return stored.contains("ETag") || stored.contains("Last-Modified");
    }

    /**
     * What to do with a stored response that a {@code 304} has just revalidated, as Fastly does it: the stored
     * response stays as it was first stored (status, headers, vary rule, surrogate keys, whether it may be stored at
     * all), and its freshness is refreshed from the 304's own headers ({@code Cache-Control},
     * {@code Surrogate-Control}, {@code Expires}, {@code Date}), its age restarting from the 304's {@code Age}, or 0
     * (Fastly's documentation of the {@code Age} header). Headers the 304 carries are not merged into the stored
     * ones: {@code ETag}, {@code Content-Type}, {@code Cache-Control} and the rest stay as first stored (observed on
     * Fastly; RFC 9111 section 4.3.4 would update them).
     *
     * @param stored the stored response head (kept as it is)
     * @param notModified the 304's head
     * @param arrival when the 304 arrived
     * @param override the request's cache override (a TTL override applies to the refreshed freshness)
     * @return the decision; its freshness is the 304's
     * @throws NullPointerException if an argument is null
     */
    public Decision revalidated(
            ResponseHead stored, ResponseHead notModified, Instant arrival, CacheOverride override) {
        Objects.requireNonNull(notModified, "notModified");
        Decision kept = evaluate(stored, arrival, override);
        Freshness refreshed = Freshness.of(notModified.headers(), arrival, defaultTtl);
        if (kept.action() == StorageAction.INSERT) {
            refreshed = applyOverride(refreshed, override);
        }
        return new Decision(
                kept.action(), kept.reason(), refreshed, kept.varyNames(), kept.surrogateKeys(), kept.sensitive());
    }

    /**
     * Prepares response headers for the program: strips {@code Surrogate-Control} and {@code Surrogate-Key}
     * unless the request carries {@code Fastly-FF} or {@code Fastly-Debug}, and sets {@code X-Cache},
     * {@code X-Cache-Hits} and (for stored responses) {@code Age}.
     *
     * @param response the response headers, changed in place
     * @param request the request's headers
     * @param hit whether the response came from the cache
     * @param hits the object's hit count (0 on a miss)
     * @param ageSeconds the age to report, or -1 to leave {@code Age} as it is
     * @throws NullPointerException if a header list is null
     */
    public static void prepareForClient(
            HeaderList response, HeaderList request, boolean hit, long hits, long ageSeconds) {
        if (!request.contains("Fastly-FF") && !request.contains("Fastly-Debug")) {
            response.remove("Surrogate-Control");
            response.remove("Surrogate-Key");
        }
        response.set("X-Cache", hit ? "HIT" : "MISS");
        response.set("X-Cache-Hits", Long.toString(hit ? hits : 0));
        if (ageSeconds >= 0) {
            response.set("Age", Long.toString(ageSeconds));
        }
    }

    /**
     * What to do with one backend response, and with what metadata.
     */
    public static final class Decision {
        private final StorageAction action;
        private final String reason;
        private final Freshness freshness;
        private final List<String> varyNames;
        private final String surrogateKeys;
        private final boolean sensitive;

        Decision(
                StorageAction action,
                String reason,
                Freshness freshness,
                List<String> varyNames,
                String surrogateKeys,
                boolean sensitive) {
            this.action = action;
            this.reason = reason;
            this.freshness = freshness;
            this.varyNames = List.copyOf(varyNames);
            this.surrogateKeys = surrogateKeys;
            this.sensitive = sensitive;
        }

        /**
         * The storage action.
         *
         * @return the action
         */
        public StorageAction action() {
            return action;
        }

        /**
         * Why: {@code cacheable}, or the rule that prevents storage.
         *
         * @return a short explanation
         */
        public String reason() {
            return reason;
        }

        /**
         * The freshness to store (overrides applied for a storable response).
         *
         * @return the freshness
         */
        public Freshness freshness() {
            return freshness;
        }

        /**
         * How long a hit-for-pass marker for this response lasts: its lifetime from the headers, at least
         * {@link #MIN_HIT_FOR_PASS}.
         *
         * @return seconds
         */
        public long hitForPassSeconds() {
            return Math.max(freshness.lifetimeSeconds(), MIN_HIT_FOR_PASS.getSeconds());
        }

        /**
         * The request headers the response varies on, lower case, in the order of the {@code Vary} header.
         *
         * @return the names, empty when it does not vary
         */
        public List<String> varyNames() {
            return varyNames;
        }

        /**
         * The surrogate keys, space-separated.
         *
         * @return the keys, possibly empty
         */
        public String surrogateKeys() {
            return surrogateKeys;
        }

        /**
         * Whether the response must be kept as sensitive (PCI).
         *
         * @return true when the request asked for PCI caching
         */
        public boolean sensitive() {
            return sensitive;
        }

        @Override
        public String toString() {
            return action + " (" + reason + ") " + freshness + " vary=" + varyNames + " keys=" + surrogateKeys;
        }
    }
}
