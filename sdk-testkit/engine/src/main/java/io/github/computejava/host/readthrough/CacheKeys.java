package io.github.computejava.host.readthrough;

import io.github.computejava.host.http.RequestHead;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;

/**
 * Readthrough cache keys: 32 bytes, as the HTTP cache ABI requires. Fastly's default key is made of the URL
 * (path and query) and the {@code Host}; a program may instead give its own 32-byte key, which travels as 64 hex
 * digits in the {@code fastly-xqd-cache-key} request header (or as the lookup's {@code override_key}).
 */
public final class CacheKeys {
    /** The length of a readthrough cache key in bytes. */
    public static final int KEY_LENGTH = 32;

    private CacheKeys() {}

    /**
     * Fastly's default key for a request: SHA-256 over its path and query, a NUL, and its host ({@code Host}
     * header, else the URL's authority).
     *
     * @param request the request
     * @return 32 bytes
     * @throws NullPointerException if {@code request} is null
     */
    public static byte[] defaultKey(RequestHead request) {
        Objects.requireNonNull(request, "request");
        return defaultKey(request.uri(), request.headers().first("Host"));
    }

    /**
     * Fastly's default key for a URL and host.
     *
     * @param uri the request URI, absolute ({@code http://host/path?q}) or origin-form ({@code /path?q})
     * @param hostHeader the {@code Host} header, or null to use the URI's authority
     * @return 32 bytes
     * @throws NullPointerException if {@code uri} is null
     */
    public static byte[] defaultKey(String uri, String hostHeader) {
        Objects.requireNonNull(uri, "uri");
        String path = uri;
        String authority = "";
        int scheme = uri.indexOf("://");
        if (scheme >= 0) {
            int start = scheme + 3;
            int end = start;
            while (end < uri.length() && "/?#".indexOf(uri.charAt(end)) < 0) {
                end++;
            }
            authority = uri.substring(start, end);
            path = uri.substring(end);
        }
        int hash = path.indexOf('#');
        if (hash >= 0) {
            path = path.substring(0, hash);
        }
        if (path.isEmpty() || path.charAt(0) == '?') {
            path = "/" + path;
        }
        String host = hostHeader != null ? hostHeader : authority;
        MessageDigest sha = sha256();
        sha.update(path.getBytes(StandardCharsets.ISO_8859_1));
        sha.update((byte) 0);
        sha.update(host.getBytes(StandardCharsets.ISO_8859_1));
        return sha.digest();
    }

    /**
     * The key a request asks for with {@code fastly-xqd-cache-key}.
     *
     * @param request the request
     * @return the key, or empty when the header is absent
     * @throws IllegalArgumentException if the header is not 64 hex digits
     * @throws NullPointerException if {@code request} is null
     */
    public static Optional<byte[]> overrideKey(RequestHead request) {
        String hex = request.headers().first(CachePolicy.CACHE_KEY_HEADER);
        if (hex == null) {
            return Optional.empty();
        }
        return Optional.of(fromHex(hex.trim()));
    }

    /**
     * Parses a key given as hex digits.
     *
     * @param hex 64 hex digits, either case
     * @return 32 bytes
     * @throws IllegalArgumentException if {@code hex} is not 64 hex digits
     */
    public static byte[] fromHex(String hex) {
        if (hex.length() != 2 * KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "cache key: " + hex.length() + " hex digits, expected " + 2 * KEY_LENGTH);
        }
        byte[] key = new byte[KEY_LENGTH];
        for (int i = 0; i < KEY_LENGTH; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("cache key: not a hex digit at " + (hi < 0 ? 2 * i : 2 * i + 1));
            }
            key[i] = (byte) (hi << 4 | lo);
        }
        return key;
    }

    /**
     * Formats a key as upper-case hex.
     *
     * @param key the key bytes
     * @return the hex digits
     */
    public static String toHex(byte[] key) {
        StringBuilder sb = new StringBuilder(key.length * 2);
        for (byte b : key) {
            sb.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
        return sb.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
