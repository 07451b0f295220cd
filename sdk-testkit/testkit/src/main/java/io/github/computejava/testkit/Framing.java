package io.github.computejava.testkit;

import io.github.computejava.fsthttp.Headers;
import io.github.computejava.fsthttp.HttpDate;
import io.github.computejava.host.backend.JettyOrigin;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.ResponseHead;
import java.util.List;

/**
 * The framing headers a client receives over HTTP/1.1. In automatic mode the host drops the program's {@code
 * Content-Length} and {@code Transfer-Encoding} and frames the body itself: a length for a body sent whole,
 * chunks for a streamed one. In manual mode it keeps the program's headers when they describe the body, and
 * frames automatically when they do not.
 */
final class Framing {
    private Framing() {}

    static Headers clientHeaders(
            ResponseHead head, byte[] body, boolean streamed, boolean complete, boolean headRequest, long nowMillis) {
        Headers headers = new Headers();
        // hop-by-hop fields never reach the client (the local server drops them the same way)
        for (String[] field : JettyOrigin.forwardable(head.headers())) {
            if (!field[0].equalsIgnoreCase("Transfer-Encoding")) {
                headers.add(field[0], field[1]);
            }
        }
        if (!headers.contains("Date")) {
            headers.set("Date", HttpDate.format(nowMillis));
        }
        if (headRequest) {
            // the length a GET would get: the program's (or the cache's) Content-Length, else a non-empty body's;
            // a HEAD answer's empty body says nothing about it (RFC 9110 §8.6). The local server does the same.
            long declared = JettyOrigin.declaredLength(head.headers());
            headers.remove("Content-Length");
            if (declared >= 0) {
                headers.set("Content-Length", Long.toString(declared));
            } else if (body.length > 0) {
                headers.set("Content-Length", Integer.toString(body.length));
            }
            return headers;
        }
        if (head.framingMode() == 1
                && !streamed
                && head.headers().values("Transfer-Encoding").isEmpty()) {
            // manual framing with a Content-Length: kept when it describes the body
            Headers manual = headers.copy();
            if (manualIsValid(manual, body, complete)) {
                return manual;
            }
        }
        boolean bodiless = head.status() < 200 || head.status() == 204 || head.status() == 304;
        headers.remove("Content-Length");
        headers.remove("Transfer-Encoding");
        if (bodiless) {
            return headers;
        }
        if (streamed) {
            headers.set("Transfer-Encoding", "chunked");
        } else {
            headers.set("Content-Length", Integer.toString(body.length));
        }
        return headers;
    }

    /**
     * Frames a request as the host sends it to an origin: the same rules, with {@code Content-Length: 0} for
     * an empty body only on methods that carry one.
     */
    static void request(RequestHead head, byte[] body, boolean streamed) {
        HeaderList h = head.headers();
        if (head.framingMode() == 1) {
            boolean chunked = h.values("Transfer-Encoding").equals(List.of("chunked"));
            List<String> lengths = h.values("Content-Length");
            if (chunked && lengths.isEmpty()) {
                return;
            }
            if (lengths.size() == 1 && !h.contains("Transfer-Encoding") && !streamed) {
                try {
                    if (Long.parseLong(lengths.get(0).trim()) == body.length) {
                        return;
                    }
                } catch (NumberFormatException e) {
                    // invalid: frame automatically
                }
            }
        }
        h.remove("Content-Length");
        h.remove("Transfer-Encoding");
        if (streamed) {
            h.set("Transfer-Encoding", "chunked");
        } else if (body.length > 0
                || head.method().equals("POST")
                || head.method().equals("PUT")
                || head.method().equals("PATCH")) {
            h.set("Content-Length", Integer.toString(body.length));
        }
    }

    private static boolean manualIsValid(Headers headers, byte[] body, boolean complete) {
        boolean chunked = headers.values("Transfer-Encoding").equals(List.of("chunked"));
        String length = headers.values("Content-Length").size() == 1
                ? headers.get("Content-Length").get()
                : null;
        if (chunked && length == null) {
            return true;
        }
        if (length != null && !headers.contains("Transfer-Encoding")) {
            try {
                return complete && Long.parseLong(length.trim()) == body.length;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }
}
