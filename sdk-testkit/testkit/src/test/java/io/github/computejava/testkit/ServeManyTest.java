package io.github.computejava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computejava.fsthttp.Compute;
import io.github.computejava.fsthttp.ServeManyOptions;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code Compute.serveMany} on the test host's JVM door. */
class ServeManyTest {
    /** The test host runs the program once per request and has no further request for it: each run serves one. */
    @Test
    void onTheTestHostEachRequestIsItsOwnRun() {
        AtomicInteger runs = new AtomicInteger();
        try (TestHost host = TestHost.create()) {
            host.program(args -> {
                AtomicInteger count = new AtomicInteger();
                runs.incrementAndGet();
                Compute.serveMany(
                        (request, w) -> w.write(request.path() + " n=" + count.incrementAndGet()),
                        ServeManyOptions.DEFAULT);
            });
            host.get("/a").send().assertThat().hasStatus(200).hasBody("/a n=1");
            host.get("/b").send().assertThat().hasStatus(200).hasBody("/b n=1");
            assertEquals(0, host.instancesWaitingForRequest(), "no run waits for another request");
        }
        assertEquals(2, runs.get());
    }
}
