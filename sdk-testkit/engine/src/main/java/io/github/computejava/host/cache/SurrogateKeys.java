package io.github.computejava.host.cache;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Surrogate keys as Fastly validates them: a space-separated list of at most {@value #MAX_TOTAL_LENGTH} bytes,
 * each key non-empty, at most {@value #MAX_KEY_LENGTH} bytes of graphic ASCII ({@code !} to {@code ~}).
 */
public final class SurrogateKeys {
    /** The longest single surrogate key, in bytes. */
    public static final int MAX_KEY_LENGTH = 1024;

    /** The longest list of surrogate keys (with the spaces between them), in bytes. */
    public static final int MAX_TOTAL_LENGTH = 16 * 1024;

    private SurrogateKeys() {}

    /**
     * Parses and validates a space-separated list; empty entries (runs of spaces) are skipped.
     *
     * @param list the keys as Latin-1 text
     * @return the distinct keys in first-seen order
     * @throws IllegalArgumentException naming the first rule the list breaks
     */
    public static Set<String> parse(String list) {
        if (list.length() > MAX_TOTAL_LENGTH) {
            throw new IllegalArgumentException(
                    "surrogate keys: " + list.length() + " bytes, at most " + MAX_TOTAL_LENGTH);
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String key : list.split(" ")) {
            if (!key.isEmpty()) {
                keys.add(validate(key));
            }
        }
        return Collections.unmodifiableSet(keys);
    }

    /**
     * Validates one surrogate key.
     *
     * @param key the key as Latin-1 text
     * @return {@code key}
     * @throws IllegalArgumentException if it is empty, too long or has a byte outside graphic ASCII
     */
    public static String validate(String key) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("surrogate key: empty");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("surrogate key: " + key.length() + " bytes, at most " + MAX_KEY_LENGTH);
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new IllegalArgumentException(
                        "surrogate key: byte 0x" + Integer.toHexString(c) + " at " + i + " is not graphic ASCII");
            }
        }
        return key;
    }
}
