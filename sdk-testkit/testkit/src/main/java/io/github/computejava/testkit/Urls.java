package io.github.computejava.testkit;

/** Where the parts of a URL begin, as the testkit reads them: the authority of an absolute URL, and its path. */
final class Urls {
    private Urls() {}

    /** The index where the path (or query, or fragment) starts: after the authority of an absolute URL, else 0. */
    static int pathStart(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return 0;
        }
        int i = scheme + 3;
        while (i < url.length() && "/?#".indexOf(url.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    /** The authority (host and port) of an absolute URL; empty for a URL without a scheme. */
    static String authority(String url) {
        int scheme = url.indexOf("://");
        return scheme < 0 ? "" : url.substring(scheme + 3, pathStart(url));
    }
}
