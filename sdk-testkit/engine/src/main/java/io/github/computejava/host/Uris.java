package io.github.computejava.host;

import java.net.URI;
import java.net.URISyntaxException;

/** URI checks for {@code uri_set}. */
final class Uris {
    private Uris() {}

    /** Whether {@code uri} is a syntactically valid request target without spaces or control characters. */
    static boolean isValid(String uri) {
        if (uri.isEmpty()) {
            return false;
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= ' ' || c >= 0x7F) {
                return false;
            }
        }
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
