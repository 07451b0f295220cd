package io.github.computejava.host.readthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.ResponseHead;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The answer a stored response gives a request's conditional and range headers (RFC 9110 sections 13 and 14). */
class ClientAnswerTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String LAST_MODIFIED = "Sun, 01 Mar 2026 10:00:00 GMT";
    private static final ResponseHead STORED = new ResponseHead(
            200,
            Headers.of(
                    "Content-Type", "text/plain",
                    "Content-Length", "26",
                    "ETag", "\"v1\"",
                    "Last-Modified", LAST_MODIFIED,
                    "Cache-Control", "max-age=60",
                    "Vary", "Accept-Language",
                    "X-Custom", "kept in 200 and 206"));

    private static ClientAnswer answer(String method, String... requestHeaders) {
        return ClientAnswer.evaluate(method, Headers.of(requestHeaders), STORED, 26, NOW);
    }

    private static ClientAnswer get(String... requestHeaders) {
        return answer("GET", requestHeaders);
    }

    private static ClientAnswer.Kind kind(String... requestHeaders) {
        return get(requestHeaders).kind();
    }

    @Test
    void aPlainRequestGetsTheStoredResponse() {
        assertEquals(ClientAnswer.Kind.WHOLE, kind());
    }

    @Test
    void ifNoneMatchComparesWeaklyWithTheStoredETag() {
        assertEquals(ClientAnswer.Kind.NOT_MODIFIED, kind("If-None-Match", "\"v1\""));
        assertEquals(ClientAnswer.Kind.NOT_MODIFIED, kind("If-None-Match", "W/\"v1\""), "weak comparison");
        assertEquals(ClientAnswer.Kind.NOT_MODIFIED, kind("If-None-Match", "\"a\", \"v1\""), "a list of tags");
        assertEquals(ClientAnswer.Kind.NOT_MODIFIED, kind("If-None-Match", "\"a\"", "If-None-Match", "\"v1\""));
        assertEquals(ClientAnswer.Kind.NOT_MODIFIED, kind("If-None-Match", "v1"), "an unquoted tag");
        assertEquals(ClientAnswer.Kind.NOT_MODIFIED, kind("If-None-Match", "*"));
        assertEquals(ClientAnswer.Kind.WHOLE, kind("If-None-Match", "\"v2\""));
        assertEquals(ClientAnswer.Kind.WHOLE, kind("If-None-Match", "\"V1\""), "tags are case-sensitive");
        assertEquals(ClientAnswer.Kind.WHOLE, kind("If-None-Match", "\"v1, v2\""), "a comma inside a tag");
    }

    @Test
    void aWeakStoredETagMatchesWeakly() {
        ResponseHead weak = new ResponseHead(200, Headers.of("ETag", "W/\"w\""));
        assertEquals(
                ClientAnswer.Kind.NOT_MODIFIED,
                ClientAnswer.evaluate("GET", Headers.of("If-None-Match", "\"w\""), weak, 3, NOW)
                        .kind());
    }

    @Test
    void ifModifiedSinceComparesWithTheStoredLastModified() {
        assertEquals(ClientAnswer.Kind.NOT_MODIFIED, kind("If-Modified-Since", LAST_MODIFIED));
        assertEquals(ClientAnswer.Kind.NOT_MODIFIED, kind("If-Modified-Since", "Sun, 01 Mar 2026 11:00:00 GMT"));
        assertEquals(ClientAnswer.Kind.WHOLE, kind("If-Modified-Since", "Sun, 01 Mar 2026 09:59:59 GMT"));
        assertEquals(ClientAnswer.Kind.WHOLE, kind("If-Modified-Since", "yesterday"), "an invalid date is ignored");
        assertEquals(
                ClientAnswer.Kind.WHOLE,
                kind("If-Modified-Since", LAST_MODIFIED, "If-Modified-Since", LAST_MODIFIED),
                "more than one member is ignored (RFC 9110 section 13.1.3)");
        ResponseHead noLastModified = new ResponseHead(200, Headers.of("Date", "Sun, 01 Mar 2026 10:00:00 GMT"));
        assertEquals(
                ClientAnswer.Kind.WHOLE,
                ClientAnswer.evaluate("GET", Headers.of("If-Modified-Since", LAST_MODIFIED), noLastModified, 3, NOW)
                        .kind(),
                "without Last-Modified there is nothing to compare");
    }

    @Test
    void ifNoneMatchWinsOverIfModifiedSince() {
        assertEquals(ClientAnswer.Kind.WHOLE, kind("If-None-Match", "\"v2\"", "If-Modified-Since", LAST_MODIFIED));
        assertEquals(
                ClientAnswer.Kind.NOT_MODIFIED,
                kind("If-None-Match", "\"v1\"", "If-Modified-Since", "Sun, 01 Mar 2026 09:00:00 GMT"));
    }

    @Test
    void headIsAnsweredConditionallyToo() {
        assertEquals(
                ClientAnswer.Kind.NOT_MODIFIED,
                answer("HEAD", "If-None-Match", "\"v1\"").kind());
        assertEquals(
                ClientAnswer.Kind.WHOLE, answer("HEAD", "Range", "bytes=0-1").kind(), "ranges are for GET");
        assertEquals(
                ClientAnswer.Kind.WHOLE,
                answer("POST", "If-None-Match", "\"v1\"").kind());
    }

    @Test
    void onlyASuccessfulStoredResponseIsAnsweredConditionally() {
        ResponseHead notFound = new ResponseHead(404, Headers.of("ETag", "\"v1\""));
        assertEquals(
                ClientAnswer.Kind.WHOLE,
                ClientAnswer.evaluate("GET", Headers.of("If-None-Match", "\"v1\""), notFound, 3, NOW)
                        .kind());
        assertEquals(
                ClientAnswer.Kind.WHOLE,
                ClientAnswer.evaluate("GET", Headers.of("Range", "bytes=0-1"), notFound, 3, NOW)
                        .kind());
    }

    @Test
    void aSingleByteRangeIsServedAsPartialContent() {
        assertRange(get("Range", "bytes=0-4"), 0, 4);
        assertRange(get("Range", "bytes=10-"), 10, 25);
        assertRange(get("Range", "bytes=-6"), 20, 25);
        assertRange(get("Range", "bytes=20-99"), 20, 25);
        assertRange(get("Range", "bytes=-99"), 0, 25);
        assertRange(get("Range", "BYTES=3-3"), 3, 3);
        assertRange(get("Range", "bytes= 1-2 ,"), 1, 2);
    }

    @Test
    void anUnsatisfiableRangeIsA416() {
        assertEquals(ClientAnswer.Kind.RANGE_NOT_SATISFIABLE, kind("Range", "bytes=26-"));
        assertEquals(ClientAnswer.Kind.RANGE_NOT_SATISFIABLE, kind("Range", "bytes=-0"));
        ClientAnswer a = get("Range", "bytes=100-200");
        ResponseHead head = a.head(STORED, 26);
        assertEquals(416, head.status());
        assertEquals("bytes */26", head.headers().first("Content-Range"));
        assertEquals("0", head.headers().first("Content-Length"));
    }

    @Test
    void moreThanOneRangeOrAnInvalidRangeGetsTheWholeResponse() {
        assertEquals(ClientAnswer.Kind.WHOLE, kind("Range", "bytes=0-1,5-6"), "Fastly serves several ranges whole");
        assertEquals(ClientAnswer.Kind.WHOLE, kind("Range", "bytes=0-1", "Range", "bytes=4-5"));
        assertEquals(ClientAnswer.Kind.WHOLE, kind("Range", "bytes=5-1"), "last before first is invalid");
        assertEquals(ClientAnswer.Kind.WHOLE, kind("Range", "items=0-1"), "an unknown unit");
        assertEquals(ClientAnswer.Kind.WHOLE, kind("Range", "bytes=a-b"));
        assertEquals(ClientAnswer.Kind.WHOLE, kind("Range", "bytes="));
        assertEquals(ClientAnswer.Kind.WHOLE, kind("Range", "bytes=1"));
    }

    @Test
    void aRangeOfABodyOfUnknownLengthGetsTheWholeResponse() {
        assertEquals(
                ClientAnswer.Kind.WHOLE,
                ClientAnswer.evaluate("GET", Headers.of("Range", "bytes=0-1"), STORED, -1, NOW)
                        .kind());
    }

    @Test
    void anEmptyBodyHasNoByteToSelect() {
        ResponseHead empty = new ResponseHead(200, new HeaderList());
        assertEquals(
                ClientAnswer.Kind.RANGE_NOT_SATISFIABLE,
                ClientAnswer.evaluate("GET", Headers.of("Range", "bytes=0-"), empty, 0, NOW)
                        .kind());
        assertEquals(
                ClientAnswer.Kind.WHOLE,
                ClientAnswer.evaluate("GET", Headers.of("Range", "bytes=-5"), empty, 0, NOW)
                        .kind());
    }

    @Test
    void ifRangeServesTheRangeOnlyForTheSameRepresentation() {
        assertRange(get("Range", "bytes=0-1", "If-Range", "\"v1\""), 0, 1);
        assertRange(get("Range", "bytes=0-1", "If-Range", LAST_MODIFIED), 0, 1);
        assertEquals(ClientAnswer.Kind.WHOLE, kind("Range", "bytes=0-1", "If-Range", "\"v0\""));
        assertEquals(ClientAnswer.Kind.WHOLE, kind("Range", "bytes=0-1", "If-Range", "W/\"v1\""), "strong only");
        assertEquals(ClientAnswer.Kind.WHOLE, kind("Range", "bytes=0-1", "If-Range", "Sun, 01 Mar 2026 11:00:00 GMT"));
        assertEquals(ClientAnswer.Kind.WHOLE, kind("Range", "bytes=99-", "If-Range", "\"v0\""), "not a 416");
    }

    @Test
    void conditionalHeadersAreEvaluatedBeforeTheRange() {
        assertEquals(ClientAnswer.Kind.NOT_MODIFIED, kind("Range", "bytes=0-1", "If-None-Match", "\"v1\""));
        assertRange(get("Range", "bytes=0-1", "If-None-Match", "\"v2\""), 0, 1);
    }

    @Test
    void a304CarriesTheFieldsRfc9110Section1545Lists() {
        ResponseHead head = get("If-None-Match", "\"v1\"").head(STORED, 26);
        assertEquals(304, head.status());
        assertEquals("\"v1\"", head.headers().first("ETag"));
        assertEquals("max-age=60", head.headers().first("Cache-Control"));
        assertEquals("Accept-Language", head.headers().first("Vary"));
        assertNull(head.headers().first("Content-Type"));
        assertNull(head.headers().first("Content-Length"));
        assertNull(head.headers().first("X-Custom"));
        assertNull(head.headers().first("Last-Modified"), "the ETag is enough");

        ResponseHead byDate = new ResponseHead(200, Headers.of("Last-Modified", LAST_MODIFIED, "Expires", "0"));
        ResponseHead notModified = ClientAnswer.evaluate(
                        "GET", Headers.of("If-Modified-Since", LAST_MODIFIED), byDate, 3, NOW)
                .head(byDate, 3);
        assertEquals(LAST_MODIFIED, notModified.headers().first("Last-Modified"));
        assertEquals("0", notModified.headers().first("Expires"));
    }

    @Test
    void a206CarriesTheStoredFieldsAndItsContentRange() {
        ResponseHead head = get("Range", "bytes=2-5").head(STORED, 26);
        assertEquals(206, head.status());
        assertEquals("bytes 2-5/26", head.headers().first("Content-Range"));
        assertEquals("4", head.headers().first("Content-Length"));
        assertEquals("kept in 200 and 206", head.headers().first("X-Custom"));
        assertEquals("text/plain", head.headers().first("Content-Type"));
        assertEquals("26", STORED.headers().first("Content-Length"), "the stored head is not changed");
    }

    @Test
    void entityTagsParseLeniently() {
        assertEquals(
                List.of("a", "b,c", "d", "e"),
                EntityTag.parseList(List.of("\"a\", \"b,c\" ,W/\"d\", e,")).stream()
                        .map(EntityTag::opaque)
                        .toList());
        assertTrue(EntityTag.parse("W/\"x\"").get().weak());
        assertFalse(EntityTag.parse("\"\"").get().weak());
        assertEquals("", EntityTag.parse("\"\"").get().opaque());
        assertTrue(EntityTag.parse("  ").isEmpty());
    }

    private static void assertRange(ClientAnswer a, long first, long last) {
        assertEquals(ClientAnswer.Kind.PARTIAL, a.kind(), a.toString());
        assertEquals(first, a.first());
        assertEquals(last, a.last());
    }
}
