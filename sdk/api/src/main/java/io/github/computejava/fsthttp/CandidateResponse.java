package io.github.computejava.fsthttp;

import io.github.computejava.internal.guest.HttpBodyGuest;
import io.github.computejava.internal.guest.HttpCacheGuest;
import io.github.computejava.internal.guest.HttpRespGuest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A backend response the cache is about to store, handed to the {@link CacheOptions.Builder#afterSend} hook. The
 * hook may change what is stored and returned: status and headers, whether it is stored at all, its TTL, stale
 * periods, vary rule, surrogate keys, sensitivity, and its body.
 *
 * <p>The starting values are what the response's headers say (Fastly's rules: {@code Surrogate-Control},
 * {@code Cache-Control}, {@code Expires}, {@code Age}, {@code Vary}, {@code Surrogate-Key}), with the request's
 * {@link CacheOptions} overrides applied. A response Fastly would not store (a {@code private} one, say) stays
 * unstored whatever its TTL, unless the hook calls {@link #setCacheable()}.
 *
 * <p>The object is valid only during the hook.
 */
public final class CandidateResponse {
    private static final int VARY_BUFFER = 256;
    private static final int KEYS_BUFFER = 1024;

    private final int cacheHandle;
    private final int response;
    private final int body;
    private final int state;
    private final int suggestedAction;
    private int action;
    private int status = -1;
    private Headers headers;
    private HttpCacheGuest.WriteOptions suggested;
    private Duration ttl;
    private final Duration requestTtl;
    private Duration staleWhileRevalidate;
    private Duration staleIfError;
    private List<String> vary;
    private List<String> surrogateKeys;
    private final String extraSurrogateKeys;
    private Boolean sensitive;
    private BodyTransform transform;

    CandidateResponse(int cacheHandle, int response, int body, int action, int state, CacheOptions options) {
        this.cacheHandle = cacheHandle;
        this.response = response;
        this.body = body;
        this.state = state;
        this.suggestedAction = action;
        this.action = action;
        this.requestTtl = options.ttl().orElse(null);
        this.staleWhileRevalidate = options.staleWhileRevalidate().orElse(null);
        this.staleIfError = options.staleIfErrorValue();
        this.extraSurrogateKeys = options.surrogateKey().orElse(null);
        this.sensitive = options.pci() ? Boolean.TRUE : null;
    }

    /**
     * The HTTP status.
     *
     * @return the status, such as 200 (a revalidated response shows the stored status)
     */
    public int status() {
        if (status < 0) {
            status = HttpRespGuest.status(response);
        }
        return status;
    }

    /**
     * Changes the status stored and returned.
     *
     * @param status the new status, 100 to 999
     * @return this response
     * @throws InvalidStatusException if {@code status} is out of range
     */
    public CandidateResponse status(int status) {
        ResponseWriter.checkStatus(status);
        HttpRespGuest.setStatus(response, status);
        this.status = status;
        return this;
    }

    /**
     * The header fields; changes to them are stored and returned.
     *
     * @return the live headers
     */
    public Headers headers() {
        if (headers == null) {
            headers = HostHeaders.readResponse(response);
        }
        return headers;
    }

    /**
     * Whether the response will be stored (inserted, or refreshing the stored one after a 304).
     *
     * @return true when it will be stored
     */
    public boolean isCacheable() {
        return action == HttpCacheGuest.INSERT || action == HttpCacheGuest.UPDATE;
    }

    /**
     * Stores the response even if its status or headers would keep Fastly from storing it.
     *
     * @return this response
     */
    public CandidateResponse setCacheable() {
        if (action != HttpCacheGuest.UPDATE) {
            action = suggestedAction == HttpCacheGuest.UPDATE ? HttpCacheGuest.UPDATE : HttpCacheGuest.INSERT;
        }
        return this;
    }

    /**
     * Does not store the response.
     *
     * @param recordUncacheable also remember that this resource is not cacheable, so that later requests go to
     *     the backend at once instead of waiting for each other (hit-for-pass)
     * @return this response
     */
    public CandidateResponse setUncacheable(boolean recordUncacheable) {
        action = recordUncacheable ? HttpCacheGuest.RECORD_UNCACHEABLE : HttpCacheGuest.DO_NOT_STORE;
        return this;
    }

    /**
     * Whether this response revalidates a stored response that is stale.
     *
     * @return true when a stale response is stored for this request
     */
    public boolean isStale() {
        return (state & HttpCacheGuest.STALE) != 0;
    }

    /**
     * The age the response had on arrival ({@code Age}).
     *
     * @return the age
     */
    public Duration age() {
        return Duration.ofNanos(suggested().initialAgeNs);
    }

    /**
     * The freshness lifetime the response will be stored with: the age at which it turns stale. A TTL override in
     * the request's {@link CacheOptions} starts it at that TTL plus {@link #age()}: an explicit TTL is not reduced
     * by {@code Age}, as on Fastly.
     *
     * @return the TTL
     */
    public Duration ttl() {
        if (ttl != null) {
            return ttl;
        }
        if (requestTtl != null) {
            // the request's TTL override counts from arrival, not reduced by Age (as in the host's send)
            return requestTtl.plus(age());
        }
        return Duration.ofNanos(suggested().maxAgeNs);
    }

    /**
     * Sets the freshness lifetime (the age at which the response turns stale, {@code Age} included).
     *
     * @param ttl the lifetime
     * @return this response
     * @throws IllegalArgumentException if {@code ttl} is negative
     * @throws NullPointerException if {@code ttl} is null
     */
    public CandidateResponse ttl(Duration ttl) {
        this.ttl = nonNegative(ttl, "ttl");
        return this;
    }

    /**
     * How long the response stays fresh from now: the TTL minus its age, never negative.
     *
     * @return the remaining freshness
     */
    public Duration remainingTtl() {
        Duration left = ttl().minus(age());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * The stale-while-revalidate period.
     *
     * @return the period
     */
    public Duration staleWhileRevalidate() {
        return staleWhileRevalidate != null
                ? staleWhileRevalidate
                : Duration.ofNanos(suggested().staleWhileRevalidateNs);
    }

    /**
     * Sets the stale-while-revalidate period.
     *
     * @param period the period
     * @return this response
     * @throws IllegalArgumentException if {@code period} is negative
     * @throws NullPointerException if {@code period} is null
     */
    public CandidateResponse staleWhileRevalidate(Duration period) {
        this.staleWhileRevalidate = nonNegative(period, "staleWhileRevalidate");
        return this;
    }

    /**
     * The stale-if-error period.
     *
     * @return the period
     */
    public Duration staleIfError() {
        return staleIfError != null ? staleIfError : Duration.ofNanos(suggested().staleIfErrorNs);
    }

    /**
     * Sets the stale-if-error period.
     *
     * @param period the period
     * @return this response
     * @throws IllegalArgumentException if {@code period} is negative
     * @throws NullPointerException if {@code period} is null
     */
    public CandidateResponse staleIfError(Duration period) {
        this.staleIfError = nonNegative(period, "staleIfError");
        return this;
    }

    /**
     * Whether a stored response may stand in for this one: it is within its stale-if-error period. If the hook
     * then throws, or leaves a 5xx response unstored, {@link Request#send} returns the stored response instead.
     *
     * @return true when a stale-if-error response is available
     */
    public boolean staleIfErrorAvailable() {
        return (state & HttpCacheGuest.USABLE_IF_ERROR) != 0;
    }

    /**
     * The request headers the stored response varies on.
     *
     * @return header names, empty when it does not vary
     */
    public List<String> vary() {
        if (vary != null) {
            return vary;
        }
        return words(suggested().varyRule);
    }

    /**
     * Sets the request headers the stored response varies on.
     *
     * @param headerNames the header names
     * @return this response
     * @throws IllegalArgumentException if a name is not an HTTP token
     * @throws NullPointerException if {@code headerNames} or a name is null
     */
    public CandidateResponse vary(List<String> headerNames) {
        List<String> names = new ArrayList<>();
        for (String name : Objects.requireNonNull(headerNames, "headerNames")) {
            names.add(Headers.checkName(name));
        }
        this.vary = Collections.unmodifiableList(names);
        return this;
    }

    /**
     * The surrogate keys the response is stored under.
     *
     * @return the keys
     */
    public List<String> surrogateKeys() {
        if (surrogateKeys != null) {
            return surrogateKeys;
        }
        List<String> keys = new ArrayList<>(words(suggested().surrogateKeys));
        if (extraSurrogateKeys != null) {
            for (String k : words(extraSurrogateKeys)) {
                if (!keys.contains(k)) {
                    keys.add(k);
                }
            }
        }
        return Collections.unmodifiableList(keys);
    }

    /**
     * Replaces the surrogate keys.
     *
     * @param keys the keys, each printable ASCII without spaces
     * @return this response
     * @throws IllegalArgumentException if a key is empty or holds a character outside {@code !} to {@code ~}
     * @throws NullPointerException if {@code keys} or a key is null
     */
    public CandidateResponse surrogateKeys(List<String> keys) {
        List<String> copy = new ArrayList<>();
        for (String k : Objects.requireNonNull(keys, "keys")) {
            Objects.requireNonNull(k, "keys element");
            if (k.isEmpty()) {
                throw new IllegalArgumentException("surrogateKeys: a key is empty");
            }
            for (int i = 0; i < k.length(); i++) {
                char c = k.charAt(i);
                if (c < 0x21 || c > 0x7E) {
                    throw new IllegalArgumentException("surrogateKeys: '" + k + "' holds a character outside ! to ~");
                }
            }
            copy.add(k);
        }
        this.surrogateKeys = Collections.unmodifiableList(copy);
        return this;
    }

    /**
     * Whether the response is stored as sensitive data (PCI/HIPAA-compliant caching).
     *
     * @return true when sensitive
     */
    public boolean sensitive() {
        return sensitive != null ? sensitive : false;
    }

    /**
     * Marks the response as sensitive data, or not.
     *
     * @param sensitive true for PCI/HIPAA-compliant caching
     * @return this response
     */
    public CandidateResponse sensitive(boolean sensitive) {
        this.sensitive = sensitive;
        return this;
    }

    /**
     * The body transform.
     *
     * @return the transform, or empty
     */
    public Optional<BodyTransform> bodyTransform() {
        return Optional.ofNullable(transform);
    }

    /**
     * Rewrites the body before it is stored (and returned). Not applied to a 304 that revalidates a stored
     * response.
     *
     * @param transform the transform
     * @return this response
     * @throws NullPointerException if {@code transform} is null
     */
    public CandidateResponse bodyTransform(BodyTransform transform) {
        this.transform = Objects.requireNonNull(transform, "transform");
        return this;
    }

    @Override
    public String toString() {
        return "CandidateResponse{status=" + status() + ", cacheable=" + isCacheable() + ", ttl=" + ttl() + "}";
    }

    // ---- for GuestCache

    int action() {
        return action;
    }

    int responseHandle() {
        return response;
    }

    int bodyHandle() {
        return body;
    }

    BodyTransform transform() {
        return transform;
    }

    /** Writes header changes back to the host response. */
    void syncHeaders() {
        if (headers == null) {
            return;
        }
        Headers original = HostHeaders.readResponse(response);
        for (String name : original.names()) {
            if (!headers.contains(name)) {
                HttpRespGuest.removeHeader(response, name);
            }
        }
        HostHeaders.writeResponse(response, headers);
    }

    /** The write options: the suggestions with this response's changes. */
    HttpCacheGuest.WriteOptions finalOptions() {
        HttpCacheGuest.WriteOptions s = suggested();
        HttpCacheGuest.WriteOptions o = new HttpCacheGuest.WriteOptions();
        o.maxAgeNs = nanos(ttl());
        o.initialAgeNs = s.initialAgeNs;
        o.staleWhileRevalidateNs = nanos(staleWhileRevalidate());
        o.staleIfErrorNs = nanos(staleIfError());
        o.varyRule = String.join(" ", vary());
        o.surrogateKeys = String.join(" ", surrogateKeys());
        o.sensitive = sensitive();
        if (transform == null) {
            o.length = HttpBodyGuest.knownLength(body);
        }
        return o;
    }

    private HttpCacheGuest.WriteOptions suggested() {
        if (suggested == null) {
            suggested = HttpCacheGuest.suggestedOptions(cacheHandle, response, VARY_BUFFER, KEYS_BUFFER);
        }
        return suggested;
    }

    /** Space-separated words (no regular expressions: they would weigh on main.wasm). */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ' ') {
                if (i > start) {
                    out.add(text.substring(start, i));
                }
                start = i + 1;
            }
        }
        return out;
    }

    private static long nanos(Duration d) {
        return d.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L ? Long.MAX_VALUE : d.toNanos();
    }

    private static Duration nonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + ": negative (" + d + ")");
        }
        return d;
    }
}
