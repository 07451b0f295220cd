package io.github.computejava.host.http;

/**
 * Fastly's limit on a header section, 69 KB each way, and how it counts: name, {@code ": "}, value and CRLF per
 * field. The engine applies it to every backend's response (a send failure) and to every response a program sends
 * its client (a 500); the doors translate it to their HTTP stacks' settings.
 */
public final class HeaderSection {
    /** Fastly's limit on a request's or a response's header section: 69 KB. */
    public static final int LIMIT = 69 * 1024;

    private HeaderSection() {}

    /**
     * The bytes header fields take on the wire.
     *
     * @param headers the fields
     * @return their size in bytes
     */
    public static long bytes(HeaderList headers) {
        long n = 0;
        for (String[] f : headers.fields()) {
            n += fieldBytes(f[0], f[1]);
        }
        return n;
    }

    /** The bytes one field takes on the wire. */
    public static long fieldBytes(String name, String value) {
        return name.length() + value.length() + 4L;
    }

    /** Whether a section of {@code bytes} is over the limit. */
    public static boolean tooLarge(long bytes) {
        return bytes > LIMIT;
    }

    /** The sentence naming an oversized section: {@code what} has N bytes of header fields; the limit is .... */
    public static String describe(String what, long bytes) {
        return what + " has " + bytes + " bytes of header fields; the limit is " + LIMIT + " (69 KB)";
    }
}
