package io.github.computejava.cache.core;

import io.github.computejava.internal.Text;
import java.util.Objects;

/** Cache key checks shared by the entry points. */
final class CacheKeys {
    private CacheKeys() {}

    static byte[] of(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length > CoreCache.MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("key: " + key.length + " bytes, at most " + CoreCache.MAX_KEY_LENGTH);
        }
        return key.clone();
    }

    static byte[] of(String key) {
        Objects.requireNonNull(key, "key");
        return of(Text.utf8(key));
    }
}
