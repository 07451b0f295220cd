package io.github.computejava.host.readthrough;

import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.ResponseHead;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the cache answers a request with from a stored response: the stored response whole, {@code 304 Not
 * Modified}, {@code 206 Partial Content} or {@code 416 Range Not Satisfiable}. The client's conditional and range
 * headers are evaluated the way a cache evaluates them (RFC 9111 section 4.3.2, RFC 9110 section 13.2.2):
 *
 * <ol>
 *   <li>only GET and HEAD are answered with anything but the stored response, and only from a stored 2xx;
 *   <li>{@code If-Match} and {@code If-Unmodified-Since} are for the origin and are not evaluated;
 *   <li>{@code If-None-Match} ({@code *}, or a list of tags compared weakly with the stored {@code ETag}) gives a
 *       304 when it matches; when it is present, {@code If-Modified-Since} is ignored;
 *   <li>otherwise {@code If-Modified-Since} (one valid HTTP-date) gives a 304 when the stored {@code Last-Modified}
 *       is at or before it;
 *   <li>a GET's {@code Range} against a stored 200 of known length: a single byte range gives a 206 with
 *       {@code Content-Range}, unless an {@code If-Range} does not match (a strong comparison with the stored
 *       {@code ETag}, or an exact match with the stored {@code Last-Modified}); an unsatisfiable range gives a 416
 *       with {@code Content-Range: bytes *}{@code /length}; more than one range, or a range header that is not a
 *       valid bytes range, gives the stored response whole, as Fastly does.
 * </ol>
 *
 * <p>A 304 carries the header fields RFC 9110 section 15.4.5 asks for: {@code Cache-Control},
 * {@code Content-Location}, {@code Date}, {@code ETag}, {@code Expires} and {@code Vary}, and {@code Last-Modified}
 * when there is no {@code ETag}. A 206 and a 416 carry the stored header fields.
 */
public final class ClientAnswer {
    /** The kinds of answer. */
    public enum Kind {
        /** The stored response as it is. */
        WHOLE,
        /** {@code 304 Not Modified}. */
        NOT_MODIFIED,
        /** {@code 206 Partial Content}: one byte range of the stored body. */
        PARTIAL,
        /** {@code 416 Range Not Satisfiable}. */
        RANGE_NOT_SATISFIABLE
    }

    private static final ClientAnswer WHOLE = new ClientAnswer(Kind.WHOLE, -1, -1);
    private static final ClientAnswer NOT_MODIFIED = new ClientAnswer(Kind.NOT_MODIFIED, -1, -1);
    private static final ClientAnswer NOT_SATISFIABLE = new ClientAnswer(Kind.RANGE_NOT_SATISFIABLE, -1, -1);

    private static final Set<String> KEPT_BY_304 =
            Set.of("cache-control", "content-location", "date", "etag", "expires", "vary");

    private final Kind kind;
    private final long first;
    private final long last;

    private ClientAnswer(Kind kind, long first, long last) {
        this.kind = kind;
        this.first = first;
        this.last = last;
    }

    /**
     * Decides the answer.
     *
     * @param method the request method
     * @param request the request headers
     * @param stored the stored response head
     * @param length the stored body's length, or -1 while it is not known (a range is then not served)
     * @param now the current time (resolves two-digit years in dates)
     * @return the answer
     * @throws NullPointerException if an argument is null
     */
    public static ClientAnswer evaluate(
            String method, HeaderList request, ResponseHead stored, long length, Instant now) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(now, "now");
        boolean get = "GET".equals(method);
        if (!get && !"HEAD".equals(method)) {
            return WHOLE;
        }
        HeaderList h = stored.headers();
        if (stored.status() >= 200 && stored.status() < 300 && notModified(request, h, now)) {
            return NOT_MODIFIED;
        }
        List<String> rangeLines = request.values("Range");
        if (!get || stored.status() != 200 || rangeLines.isEmpty() || length < 0) {
            return WHOLE;
        }
        Optional<List<ByteRange>> ranges = ByteRange.parseSet(String.join(", ", rangeLines));
        if (ranges.isEmpty() || ranges.get().size() != 1 || !ifRangeHolds(request, h, now)) {
            return WHOLE;
        }
        ByteRange range = ranges.get().get(0);
        if (!range.isSatisfiable(length)) {
            // RFC 9110 section 14.1.2: a non-empty suffix range of an empty representation is satisfiable, but has
            // no byte to select, so the (empty) representation is sent whole
            return length == 0 && range.suffixLength() > 0 ? WHOLE : NOT_SATISFIABLE;
        }
        return new ClientAnswer(Kind.PARTIAL, range.start(length), range.end(length));
    }

    private static boolean notModified(HeaderList request, HeaderList stored, Instant now) {
        List<String> noneMatch = request.values("If-None-Match");
        if (!noneMatch.isEmpty()) {
            if (EntityTag.isAny(noneMatch)) {
                return true;
            }
            Optional<EntityTag> etag = storedTag(stored);
            return etag.isPresent() && EntityTag.parseList(noneMatch).stream().anyMatch(t -> t.weakMatch(etag.get()));
        }
        List<String> since = request.values("If-Modified-Since");
        if (since.size() != 1) {
            return false; // absent, or more than one member (RFC 9110 section 13.1.3)
        }
        Optional<Instant> date = HttpDates.parse(since.get(0), now);
        Optional<Instant> modified = lastModified(stored, now);
        return date.isPresent() && modified.isPresent() && !modified.get().isAfter(date.get());
    }

    private static boolean ifRangeHolds(HeaderList request, HeaderList stored, Instant now) {
        String ifRange = request.first("If-Range");
        if (ifRange == null) {
            return true;
        }
        Optional<Instant> date = HttpDates.parse(ifRange, now);
        if (date.isPresent()) {
            Optional<Instant> modified = lastModified(stored, now);
            return modified.isPresent() && modified.get().equals(date.get());
        }
        Optional<EntityTag> tag = EntityTag.parse(ifRange);
        Optional<EntityTag> etag = storedTag(stored);
        return tag.isPresent() && etag.isPresent() && tag.get().strongMatch(etag.get());
    }

    private static Optional<EntityTag> storedTag(HeaderList stored) {
        String etag = stored.first("ETag");
        return etag == null ? Optional.empty() : EntityTag.parse(etag);
    }

    private static Optional<Instant> lastModified(HeaderList stored, Instant now) {
        String lm = stored.first("Last-Modified");
        return lm == null ? Optional.empty() : HttpDates.parse(lm, now);
    }

    /**
     * The kind of answer.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The first byte of a partial answer.
     *
     * @return the offset, or -1 for other kinds
     */
    public long first() {
        return first;
    }

    /**
     * The last byte (inclusive) of a partial answer.
     *
     * @return the offset, or -1 for other kinds
     */
    public long last() {
        return last;
    }

    /**
     * Whether the answer has no body, whatever the method.
     *
     * @return true for 304 and 416
     */
    public boolean isBodiless() {
        return kind == Kind.NOT_MODIFIED || kind == Kind.RANGE_NOT_SATISFIABLE;
    }

    /**
     * The answer's head.
     *
     * @param stored the stored response head (not changed)
     * @param length the stored body's length, or -1 when unknown
     * @return a new head
     * @throws NullPointerException if {@code stored} is null
     */
    public ResponseHead head(ResponseHead stored, long length) {
        ResponseHead h = stored.copy();
        switch (kind) {
            case NOT_MODIFIED:
                h.status(304);
                boolean keepLastModified = !stored.headers().contains("ETag");
                for (String name : h.headers().names()) {
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (!KEPT_BY_304.contains(lower) && !(keepLastModified && lower.equals("last-modified"))) {
                        h.headers().remove(name);
                    }
                }
                break;
            case PARTIAL:
                h.status(206);
                h.headers().remove("Transfer-Encoding");
                h.headers().set("Content-Range", "bytes " + first + "-" + last + "/" + length);
                h.headers().set("Content-Length", Long.toString(last - first + 1));
                break;
            case RANGE_NOT_SATISFIABLE:
                h.status(416);
                h.headers().remove("Transfer-Encoding");
                h.headers().set("Content-Range", "bytes */" + length);
                h.headers().set("Content-Length", "0");
                break;
            default:
                break;
        }
        return h;
    }

    @Override
    public String toString() {
        return kind == Kind.PARTIAL ? "PARTIAL " + first + "-" + last : kind.toString();
    }
}
