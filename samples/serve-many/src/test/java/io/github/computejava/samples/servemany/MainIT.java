package io.github.computejava.samples.servemany;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.TestResponse;
import io.github.computejava.testkit.wasm.LocalServerDoor;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built main.wasm on the local server (Failsafe runs it after package), which hands a new client request to an instance
 * waiting in {@code next_request} before starting a fresh one. Before each request the test waits until the
 * local server has the instances it expects waiting, so which instance answers never depends on timing.
 */
class MainIT {
    /** The longest any step waits; a correct run never comes near it. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static LocalServerDoor program;

    @BeforeAll
    static void load() {
        program = LocalServerDoor.load(Path.of("bin/main.wasm"));
    }

    /** Sends one request and waits until {@code waitingAfter} instances wait for the next one. */
    private static String send(TestHost host, String path, int waitingAfter) throws InterruptedException {
        TestResponse response = host.get(path).send();
        response.assertThat().hasStatus(200);
        assertTrue(
                host.awaitInstancesWaitingForRequest(waitingAfter, WAIT),
                "after " + path + ", " + waitingAfter + " instance(s) wait for a request; "
                        + host.instancesWaitingForRequest() + " do");
        return response.bodyText();
    }

    @Test
    void staticStateLastsAcrossTheRequestsOfOneInstanceUntilMaxRequests() throws Exception {
        try (TestHost host = TestHost.builder().localServer(program).build()) {
            assertEquals("request 1 of this instance: /a\n", send(host, "/a", 1));
            assertEquals("request 2 of this instance: /b\n", send(host, "/b", 1));
            // the third request is the instance's last: it ends instead of waiting
            assertEquals("request 3 of this instance: /c\n", send(host, "/c", 0));
            assertEquals("request 1 of this instance: /d\n", send(host, "/d", 1));
            assertEquals("request 2 of this instance: /e\n", send(host, "/e", 1));
        }
    }

    @Test
    void anInstanceEndsWhenNoRequestComesWithinTheNextTimeout() throws Exception {
        try (TestHost host = TestHost.builder().localServer(program).build()) {
            assertEquals("request 1 of this instance: /a\n", send(host, "/a", 1));
            assertTrue(
                    host.awaitInstancesWaitingForRequest(0, WAIT),
                    "the instance stops waiting after " + Main.NEXT_TIMEOUT);
            assertEquals("request 1 of this instance: /b\n", send(host, "/b", 1));
            assertEquals("request 2 of this instance: /c\n", send(host, "/c", 1));
        }
    }
}
