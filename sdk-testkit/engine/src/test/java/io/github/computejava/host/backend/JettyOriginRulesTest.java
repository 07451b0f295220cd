package io.github.computejava.host.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The rules of {@link JettyOrigin} that need no network: certificate host names and request targets. */
class JettyOriginRulesTest {
    @Test
    void certificateHostsMatchExactlyOrByOneWildcardLabel() {
        assertTrue(JettyOrigin.hostMatches("example.com", "EXAMPLE.com"));
        assertTrue(JettyOrigin.hostMatches("*.example.com", "www.example.com"));
        assertFalse(JettyOrigin.hostMatches("*.example.com", "a.b.example.com"));
        assertFalse(JettyOrigin.hostMatches("*.example.com", "example.com"));
        assertFalse(JettyOrigin.hostMatches("example.com", "example.org"));
    }

    @Test
    void theTargetJoinsThePrefixAndThePathWithoutDoubleSlashes() {
        assertEquals(
                "http://h:1/p/a/b?q=1",
                JettyOrigin.target(URI.create("http://h:1/p/"), "http://x/a/b?q=1")
                        .toString());
        assertEquals(
                "https://h/p/a",
                JettyOrigin.target(URI.create("https://h/p"), "/a").toString());
        assertEquals(
                "http://h/",
                JettyOrigin.target(URI.create("http://h"), "http://x").toString());
    }
}
