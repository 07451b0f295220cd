package io.github.computejava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.computejava.HostcallException;
import io.github.computejava.erl.CounterDuration;
import io.github.computejava.erl.PenaltyBox;
import io.github.computejava.erl.RateCounter;
import io.github.computejava.erl.RateLimiter;
import io.github.computejava.erl.RateWindow;
import io.github.computejava.geo.Geo;
import io.github.computejava.host.Sandbox;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Geolocation and edge rate limiting through the JVM door, on the host's virtual clock. */
class GeoAndRateLimitTest {
    private static final String PARIS = "{\"city\":\"Paris\",\"country_code\":\"FR\",\"continent\":\"EU\","
            + "\"as_number\":3215,\"latitude\":48.8566,\"longitude\":2.3522,\"utc_offset\":100}";

    @Test
    void seededAddressesAndLoopbackHaveGeolocationOthersHaveNone() {
        try (TestHost host = TestHost.builder()
                .geolocation("192.0.2.7", PARIS)
                .geolocation("2001:db8::7", "{\"city\":\"Berlin\"}")
                .build()) {
            host.handler((request, response) -> {
                Optional<Geo> client = request.clientGeo();
                response.headers()
                        .set("X-Client-City", client.flatMap(Geo::city).orElse("-"));
                response.headers()
                        .set(
                                "X-Client-Country",
                                client.flatMap(Geo::countryCode).orElse("-"));
                response.headers()
                        .set(
                                "X-V6",
                                Geo.lookup("2001:db8:0:0:0:0:0:7")
                                        .flatMap(Geo::city)
                                        .orElse("-"));
                response.headers()
                        .set(
                                "X-Unknown",
                                String.valueOf(Geo.lookup("198.51.100.1").isPresent()));
                response.headers()
                        .set(
                                "X-Octets",
                                Geo.lookup(new byte[] {(byte) 192, 0, 2, 7})
                                        .map(g -> g.latitude().getAsDouble() + ","
                                                + g.utcOffsetMinutes().getAsInt())
                                        .orElse("-"));
            });

            host.get("/")
                    .clientAddress("192.0.2.7")
                    .send()
                    .assertThat()
                    .threwNothing()
                    .hasHeader("X-Client-City", "Paris")
                    .hasHeader("X-Client-Country", "FR")
                    .hasHeader("X-V6", "Berlin")
                    .hasHeader("X-Unknown", "false")
                    .hasHeader("X-Octets", "48.8566,60");
            // loopback gets the data Fastly's local tools report
            host.get("/").send().assertThat().hasHeader("X-Client-City", "San Francisco");
            host.get("/").clientAddress("203.0.113.9").send().assertThat().hasHeader("X-Client-City", "-");
        }
    }

    @Test
    void seedingRefusesWhatIsNotAnAddressOrAJsonObject() {
        TestHost.Builder b = TestHost.builder();
        assertEquals(
                "address: 'paris' is not an IP address literal",
                assertThrows(IllegalArgumentException.class, () -> b.geolocation("paris", PARIS))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.geolocation("192.0.2.1", "[1]"));
        assertThrows(IllegalArgumentException.class, () -> b.geolocation("192.0.2.1", "{\"city\":"));
    }

    @Test
    void countersCountAndEstimateRatesOverTheirWindows() {
        try (TestHost host = TestHost.create()) {
            host.handler((request, response) -> {
                RateCounter counter = RateCounter.open("requests");
                String entry = request.headers().get("X-Entry").orElse("?");
                counter.increment(
                        entry, Integer.parseInt(request.headers().get("X-Delta").orElse("1")));
                response.headers().set("X-Rate-1", Long.toString(counter.lookupRate(entry, RateWindow.ONE_SECOND)));
                response.headers().set("X-Rate-10", Long.toString(counter.lookupRate(entry, RateWindow.TEN_SECONDS)));
                response.headers()
                        .set("X-Count-10", Long.toString(counter.lookupCount(entry, CounterDuration.TEN_SECONDS)));
                response.headers()
                        .set("X-Count-60", Long.toString(counter.lookupCount(entry, CounterDuration.SIXTY_SECONDS)));
                response.headers()
                        .set("X-Other", Long.toString(counter.lookupCount("other", CounterDuration.SIXTY_SECONDS)));
            });

            send(host, "a", 50).hasHeader("X-Rate-1", "50").hasHeader("X-Rate-10", "5");
            host.clock().advance(Duration.ofSeconds(5));
            send(host, "a", 30)
                    .hasHeader("X-Rate-1", "30")
                    .hasHeader("X-Rate-10", "8")
                    .hasHeader("X-Count-10", "80")
                    .hasHeader("X-Other", "0");
            host.clock().advance(Duration.ofSeconds(30));
            send(host, "a", 0).hasHeader("X-Count-10", "0").hasHeader("X-Count-60", "80");
            host.clock().advance(Duration.ofSeconds(31));
            send(host, "a", 0).hasHeader("X-Count-60", "0");
        }
    }

    @Test
    void theRateLimiterBlocksAnEntryOverTheLimitUntilItsPenaltyEnds() {
        try (TestHost host = TestHost.create()) {
            host.handler((request, response) -> {
                RateLimiter limiter = RateLimiter.open(RateCounter.open("rc"), PenaltyBox.open("pb"));
                String entry = request.headers().get("X-Entry").orElse("?");
                int delta = Integer.parseInt(request.headers().get("X-Delta").orElse("1"));
                boolean blocked = limiter.checkRate(entry, delta, RateWindow.ONE_SECOND, 100, Duration.ofMinutes(2));
                response.status(blocked ? 429 : 200);
                response.headers()
                        .set("X-In-Box", String.valueOf(limiter.penaltyBox().has(entry)));
            });

            send(host, "client", 100).hasStatus(200).hasHeader("X-In-Box", "false");
            host.clock().advance(Duration.ofSeconds(1));
            send(host, "client", 101).hasStatus(429).hasHeader("X-In-Box", "true");
            send(host, "neighbour", 1).hasStatus(200);
            // still blocked after the rate falls, until the penalty ends
            host.clock().advance(Duration.ofSeconds(119));
            send(host, "client", 0).hasStatus(429);
            host.clock().advance(Duration.ofSeconds(1));
            send(host, "client", 0).hasStatus(200).hasHeader("X-In-Box", "false");
        }
    }

    @Test
    void penaltyBoxesHoldEntriesForWholeMinutes() {
        try (TestHost host = TestHost.create()) {
            host.handler((request, response) -> {
                PenaltyBox box = PenaltyBox.open("banned");
                if (request.headers().get("X-Add").isPresent()) {
                    // 90 seconds are truncated to one minute, as on Fastly
                    box.add("203.0.113.5", Duration.ofSeconds(90));
                }
                response.headers().set("X-Has", String.valueOf(box.has("203.0.113.5")));
                response.headers().set("X-Other", String.valueOf(box.has("203.0.113.6")));
            });

            host.get("/")
                    .header("X-Add", "1")
                    .send()
                    .assertThat()
                    .hasHeader("X-Has", "true")
                    .hasHeader("X-Other", "false");
            host.clock().advance(Duration.ofSeconds(59));
            host.get("/").send().assertThat().hasHeader("X-Has", "true");
            host.clock().advance(Duration.ofSeconds(1));
            host.get("/").send().assertThat().hasHeader("X-Has", "false");
        }
    }

    @Test
    void argumentsOutsideFastlysRangesAreRefusedInTheProgram() {
        try (TestHost host = TestHost.create()) {
            host.handler((request, response) -> {
                RateLimiter limiter = RateLimiter.open(RateCounter.open("rc"), PenaltyBox.open("pb"));
                StringBuilder sb = new StringBuilder();
                sb.append(refused(() -> limiter.checkRate("e", 1, RateWindow.TEN_SECONDS, 9, Duration.ofMinutes(1))));
                sb.append(refused(
                        () -> limiter.checkRate("e", 1, RateWindow.TEN_SECONDS, 10_001, Duration.ofMinutes(1))));
                sb.append(refused(() -> limiter.checkRate("e", -1, RateWindow.TEN_SECONDS, 10, Duration.ofMinutes(1))));
                sb.append(refused(() -> limiter.checkRate("e", 1, RateWindow.TEN_SECONDS, 10, Duration.ofSeconds(59))));
                sb.append(refused(() -> limiter.penaltyBox().add("e", Duration.ofMinutes(61))));
                sb.append(refused(() -> RateCounter.open("")));
                sb.append(refused(() -> limiter.counter().increment("e", -5)));
                response.write(sb.toString());
            });
            host.get("/").send().assertThat().threwNothing().hasBody("IIIIIII");
        }
    }

    @Test
    void theHostAnswersInvalForWindowsAndDurationsFastlyDoesNotOffer() {
        try (TestHost host = TestHost.create()) {
            host.handler((request, response) -> {
                Sandbox sandbox = (Sandbox) io.github.computejava.internal.Host.calls();
                byte[] rc = {'r'};
                byte[] e = {'e'};
                int[] out = new int[1];
                response.headers().set("X-Rate-5", Integer.toString(sandbox.erlRatecounterLookupRate(rc, e, 5, out)));
                response.headers()
                        .set("X-Count-15", Integer.toString(sandbox.erlRatecounterLookupCount(rc, e, 15, out)));
                response.headers()
                        .set("X-Check-0", Integer.toString(sandbox.erlCheckRate(rc, e, 1, 10, 10, rc, 0, out)));
                response.headers().set("X-Add-0", Integer.toString(sandbox.erlPenaltyboxAdd(rc, e, 0)));
                response.headers()
                        .set("X-Geo-5", Integer.toString(sandbox.geoLookup(new byte[5], 5, new byte[64], 64, out)));
                byte[] small = new byte[8];
                int status = sandbox.geoLookup(new byte[] {127, 0, 0, 1}, 4, small, small.length, out);
                response.headers().set("X-Geo-Small", status + "/" + (out[0] > small.length));
            });
            host.get("/")
                    .send()
                    .assertThat()
                    .threwNothing()
                    .hasHeader("X-Rate-5", "2")
                    .hasHeader("X-Count-15", "2")
                    .hasHeader("X-Check-0", "2")
                    .hasHeader("X-Add-0", "2")
                    .hasHeader("X-Geo-5", "2")
                    .hasHeader("X-Geo-Small", "4/true");
        }
    }

    private static String refused(Runnable r) {
        try {
            r.run();
            return "-";
        } catch (IllegalArgumentException e) {
            return "I";
        } catch (HostcallException e) {
            return "H";
        }
    }

    private static ResponseAssert send(TestHost host, String entry, int delta) {
        return host.get("/")
                .header("X-Entry", entry)
                .header("X-Delta", Integer.toString(delta))
                .send()
                .assertThat()
                .threwNothing();
    }
}
