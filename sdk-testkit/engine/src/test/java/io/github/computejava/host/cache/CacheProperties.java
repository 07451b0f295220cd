package io.github.computejava.host.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computejava.cache.core.WriteOptions;
import io.github.computejava.host.http.HeaderList;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class CacheProperties {
    private final CacheStore store = new CacheStore(InstantSource.fixed(Instant.EPOCH), 1 << 24);

    /** Fastly's range rules as a model: inclusive offsets, suffix ranges, whole body when invalid. */
    private static byte[] expected(byte[] body, int from, int to) {
        int n = body.length;
        if (from < 0 && to < 0) {
            return body;
        }
        if (from < 0) {
            return to >= 1 && to <= n ? Arrays.copyOfRange(body, n - to, n) : body;
        }
        if (from >= n) {
            return body;
        }
        if (to < 0) {
            return Arrays.copyOfRange(body, from, n);
        }
        return to >= from && to < n ? Arrays.copyOfRange(body, from, to + 1) : body;
    }

    @Property(tries = 1000)
    void rangeReadsOfAKnownLengthMatchTheModel(
            @ForAll @IntRange(max = 40) int length,
            @ForAll @IntRange(min = -1, max = 45) int from,
            @ForAll @IntRange(min = -1, max = 45) int to,
            @ForAll boolean always)
            throws Exception {
        byte[] body = new byte[length];
        for (int i = 0; i < length; i++) {
            body[i] = (byte) i;
        }
        CachedObject o = store.put(
                CacheNamespace.CORE,
                new byte[] {1},
                new HeaderList(),
                io.github.computejava.host.cache.WriteOptions.builder(1).build(),
                body);
        assertArrayEquals(expected(body, from, to), o.openBody(from, to, always).readAllBytes());
    }

    @Property(tries = 300)
    void whileTheLengthIsUnknownARangeIsIgnoredUnlessAlwaysUseRequestedRange(
            @ForAll @IntRange(min = 1, max = 40) int length,
            @ForAll @IntRange(min = 0, max = 45) int from,
            @ForAll @IntRange(min = -1, max = 45) int to)
            throws Exception {
        byte[] body = new byte[length];
        for (int i = 0; i < length; i++) {
            body[i] = (byte) (i + 1);
        }
        ObjectWriter w = store.insert(
                CacheNamespace.CORE,
                new byte[] {2},
                new HeaderList(),
                io.github.computejava.host.cache.WriteOptions.builder(1).build());
        CachedObject o = w.object();
        java.io.InputStream whole = o.openBody(from, to, false);
        java.io.InputStream ranged = o.openBody(from, to, true);
        w.write(body, 0, body.length);
        w.finish();
        assertArrayEquals(body, whole.readAllBytes());
        int end = to < 0 ? length : Math.min(length, to + 1);
        byte[] want = to >= 0 && to < from ? body : from >= end ? new byte[0] : Arrays.copyOfRange(body, from, end);
        assertArrayEquals(want, ranged.readAllBytes());
    }

    @Provide
    Arbitrary<String> surrogateKeyCandidates() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(1030),
                Arbitraries.strings().withCharRange((char) 0, (char) 0x2FF).ofMaxLength(20),
                Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(30));
    }

    @Property(tries = 1000)
    void surrogateKeysAreValidatedTheSameWayBySdkAndEngine(@ForAll("surrogateKeyCandidates") String key) {
        boolean valid = !key.isEmpty() && key.length() <= 1024 && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7E);
        assertEquals(valid, accepts(() -> WriteOptions.checkSurrogateKey(key)), "sdk: " + key);
        assertEquals(valid, accepts(() -> SurrogateKeys.validate(key)), "engine: " + key);
        assertEquals(valid, accepts(() -> WriteOptions.builder(Duration.ZERO).surrogateKeys(key)), "builder: " + key);
    }

    @Property(tries = 200)
    void aListOfKeysIsLimitedTo16KiB(
            @ForAll @IntRange(min = 1, max = 40) int count, @ForAll @IntRange(min = 1, max = 1024) int each) {
        String[] keys = new String[count];
        for (int i = 0; i < count; i++) {
            keys[i] = String.format("%0" + each + "d", i).substring(0, each).replace(' ', '0');
        }
        // distinct keys of `each` bytes joined by spaces
        String joined = String.join(" ", new java.util.LinkedHashSet<>(Arrays.asList(keys)));
        boolean valid = joined.length() <= 16 * 1024;
        assertEquals(
                valid,
                accepts(() -> WriteOptions.builder(Duration.ZERO).surrogateKeys(keys)),
                joined.length() + " bytes");
        assertEquals(valid, accepts(() -> SurrogateKeys.parse(joined)), joined.length() + " bytes");
    }

    private static boolean accepts(Runnable r) {
        try {
            r.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
