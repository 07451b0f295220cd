package io.github.computejava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.fsthttp.Response;
import io.github.computejava.host.ResourceUsage;
import org.junit.jupiter.api.Test;

/** What a request used of Fastly's limits, read from the test's response (the Wasm door: FaultsTest). */
class ResourceUsageTest {
    @Test
    void theJvmDoorCountsBackendRequests() {
        try (TestHost host = TestHost.builder().build()) {
            host.backend("origin")
                    .respond(MockResponse.builder().status(200).body("x").build());
            host.handler((request, response) -> {
                for (int i = 0; i < 3; i++) {
                    try (Response r = request.send("origin")) {
                        r.bodyText();
                    }
                }
                response.write("done");
            });

            TestResponse r = host.get("/").send();

            ResourceUsage usage = r.usage();
            assertEquals(3, usage.backendRequests());
            assertTrue(usage.cpuTime().isEmpty(), "the JVM door does not measure CPU");
        }
    }
}
