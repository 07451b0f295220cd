package io.github.computejava.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.computejava.fsthttp.Compute;
import io.github.computejava.fsthttp.HttpDate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A program's time and environment on the JVM door are the test host's, as they are the Fastly host's in Wasm. */
@ComputeTest
class HostClockAndEnvironmentTest {

    @Test
    void currentTimeMillisAndHttpDateNowReadTheVirtualClock() {
        try (TestHost host = TestHost.builder()
                .clock(new VirtualClock(Instant.parse("2031-05-06T07:08:09.250Z")))
                .build()) {
            host.handler((request, response) -> response.write(Compute.currentTimeMillis() + " " + HttpDate.now()));

            host.get("/")
                    .send()
                    .assertThat()
                    .hasBody(Instant.parse("2031-05-06T07:08:09.250Z").toEpochMilli()
                            + " Tue, 06 May 2031 07:08:09 GMT");

            host.clock().advance(Duration.ofDays(1).plusSeconds(1));
            host.get("/")
                    .send()
                    .assertThat()
                    .hasBody(Instant.parse("2031-05-07T07:08:10.250Z").toEpochMilli()
                            + " Wed, 07 May 2031 07:08:10 GMT");
        }
    }

    @Test
    void envReadsTheHostsEnvironment() {
        try (TestHost host = TestHost.builder()
                .environment("FASTLY_POP", "LHR")
                .environment("FEATURE_FLAG", "on")
                .build()) {
            host.handler((request, response) -> {
                Map<String, String> all = Compute.env();
                response.write(Compute.env("FASTLY_POP").orElse("-") + " "
                        + Compute.env("FEATURE_FLAG").orElse("-") + " "
                        + Compute.env("NOT_SET").isPresent() + " "
                        + all.get("FASTLY_HOSTNAME") + " "
                        + all.get("FASTLY_SERVICE_VERSION") + " "
                        + all.containsKey("FASTLY_TRACE_ID") + " "
                        + all.get("FEATURE_FLAG"));
                assertThrows(UnsupportedOperationException.class, () -> all.put("X", "y"));
                assertThrows(NullPointerException.class, () -> Compute.env(null));
            });

            host.get("/").send().assertThat().hasStatus(200).hasBody("LHR on false localhost 0 true on");
        }
    }

    @Test
    void theDefaultEnvironmentIsTheLocalServersOne(TestHost host) {
        host.handler(
                (request, response) -> response.write(Compute.env("FASTLY_POP").orElse("-")));

        host.get("/").send().assertThat().hasBody("XXX");
    }
}
