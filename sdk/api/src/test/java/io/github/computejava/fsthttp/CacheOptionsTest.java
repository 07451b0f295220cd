package io.github.computejava.fsthttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CacheOptionsTest {
    @Test
    void defaultOverridesNothing() {
        assertTrue(CacheOptions.DEFAULT.isDefault());
        assertEquals(Optional.empty(), CacheOptions.DEFAULT.ttl());
        assertFalse(CacheOptions.DEFAULT.pass());
    }

    @Test
    void builderAndToBuilderRoundTrip() {
        CacheOptions o = CacheOptions.builder()
                .ttl(Duration.ofSeconds(30))
                .staleWhileRevalidate(Duration.ofSeconds(5))
                .surrogateKey("a b")
                .pci(true)
                .build();
        assertEquals(o, o.toBuilder().build());
        assertEquals(Optional.of(Duration.ofSeconds(30)), o.ttl());
        assertEquals(Optional.of("a b"), o.surrogateKey());
        assertFalse(o.isDefault());
        assertTrue(CacheOptions.PASS.pass());
    }

    @Test
    void rejectsBadDurationsAndKeysAtOnce() {
        CacheOptions.Builder b = CacheOptions.builder();
        IllegalArgumentException negative =
                assertThrows(IllegalArgumentException.class, () -> b.ttl(Duration.ofSeconds(-1)));
        assertTrue(negative.getMessage().startsWith("ttl:"));
        assertThrows(IllegalArgumentException.class, () -> b.staleWhileRevalidate(Duration.ofSeconds(1L << 33)));
        assertThrows(IllegalArgumentException.class, () -> b.surrogateKey("  "));
        assertThrows(IllegalArgumentException.class, () -> b.surrogateKey("a\nb"));
        assertThrows(NullPointerException.class, () -> b.ttl(null));
        assertTrue(b.build().isDefault());
    }
}
