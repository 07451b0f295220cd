package io.github.computejava.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.fsthttp.Response;
import io.github.computejava.host.ResourceUsage;
import io.github.computejava.testkit.MockResponse;
import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.TestResponse;
import org.junit.jupiter.api.Test;

/** What a request used of Fastly's limits, read from the test's response through both doors. */
class ResourceUsageDoorsTest {
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

    @Test
    void theWasmDoorCountsBackendRequestsAndMeasuresCpuAndMemory() {
        WasmProgram program =
                WasmProgram.load("backends.wasm", Wat.compile("backends"), WasmProgram.Execution.COMPILED);
        try (TestHost host = TestHost.builder().localServer(program).build()) {
            host.backend("origin")
                    .respond(MockResponse.builder().status(200).body("x").build());

            TestResponse r = host.get("/").header("X-Fault", "1").send();

            assertEquals(200, r.status());
            ResourceUsage usage = r.usage();
            assertEquals(33, usage.backendRequests());
            assertTrue(usage.cpuTime().isPresent(), usage.toString());
            assertEquals(65536, usage.heapBytes().orElseThrow(), "one page");
            assertTrue(r.headers().get(LocalServer.REQUEST_ID_FIELD).isEmpty(), "the door keeps its field");
        }
    }
}
