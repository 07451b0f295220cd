package io.github.computejava.fsthttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CookieTest {
    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings()
                .withChars("abcXYZ019-_.!#$%&'*+^`|~")
                .ofMinLength(1)
                .ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings()
                .withChars("abcXYZ019-_./:=!#$%&'()*+<>?@[]^`{|}~")
                .ofMaxLength(20);
    }

    @Property
    void setCookieRoundTrips(
            @ForAll("names") String name,
            @ForAll("values") String value,
            @ForAll boolean secure,
            @ForAll boolean httpOnly,
            @ForAll Cookie.SameSite sameSite) {
        Cookie cookie = Cookie.builder(name, value)
                .path("/p")
                .domain("example.com")
                .maxAge(Duration.ofSeconds(90))
                .expires(Instant.parse("2031-05-06T07:08:09Z"))
                .secure(secure)
                .httpOnly(httpOnly)
                .sameSite(sameSite)
                .build();

        assertEquals(Optional.of(cookie), Cookie.parseSetCookie(cookie.toSetCookie()));
    }

    @Property
    void cookieHeadersRoundTrip(@ForAll("names") String a, @ForAll("values") String x, @ForAll("values") String y) {
        List<Cookie> parsed = Cookie.parseCookieHeader(a + "=" + x + "; second=" + y);

        assertEquals(List.of(Cookie.of(a, x), Cookie.of("second", y)), parsed);
    }

    @Test
    void invalidPairsAreSkippedWhenParsing() {
        assertEquals(List.of(Cookie.of("b", "2")), Cookie.parseCookieHeader("a b=1; b=2; =3; c"));
        assertEquals(Optional.empty(), Cookie.parseSetCookie("no-equals-sign"));
        assertEquals("v", Cookie.parseCookieHeader("q=\"v\"").get(0).value());
    }

    @Test
    void invalidCookiesAreRejectedWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> Cookie.of("a b", "1"));
        assertThrows(IllegalArgumentException.class, () -> Cookie.of("a", "x;y"));
        assertThrows(IllegalArgumentException.class, () -> Cookie.of("a", "caf\u00e9"));
        assertThrows(
                IllegalArgumentException.class, () -> Cookie.builder("a", "1").path("/x;y"));
    }
}
