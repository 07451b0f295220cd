package io.github.computejava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computejava.fsthttp.Backend;
import io.github.computejava.fsthttp.BackendHealth;
import io.github.computejava.fsthttp.BackendOptions;
import io.github.computejava.fsthttp.BackendRegistrationException;
import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.fsthttp.Cookie;
import io.github.computejava.fsthttp.Headers;
import io.github.computejava.fsthttp.Request;
import io.github.computejava.fsthttp.Response;
import io.github.computejava.fsthttp.TlsVersion;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The fsthttp API users expect from Go's SDK, exercised through the JVM door. */
@ComputeTest
class FsthttpSurfaceTest {

    @Test
    void requestCookiesAreParsedAndAdded(TestHost host) {
        host.backend("b").respond(r -> MockResponse.ok(r.header("Cookie").orElse("-")));
        host.handler((request, response) -> {
            response.write(request.cookies().size() + " "
                    + request.cookie("b").map(Cookie::value).orElse("?"));
            response.write(" " + request.cookie("missing").isPresent());
            request.addCookie(Cookie.of("c", "3"));
            try (Response r = request.send("b")) {
                response.write(" | " + r.bodyText());
            }
        });

        host.get("/").cookie("a", "1").cookie("b", "2").send().assertThat().hasBody("2 2 false | a=1; b=2; c=3");
    }

    @Test
    void setCookieHeadersAreWrittenAndRead(TestHost host) {
        host.backend("b")
                .respond(MockResponse.builder()
                        .header("Set-Cookie", "id=7; Path=/; Max-Age=60; HttpOnly; SameSite=Lax")
                        .header("Set-Cookie", "old=x; Expires=Wed, 21-Oct-2015 07:28:00 GMT; Secure")
                        .header("Set-Cookie", "=broken")
                        .build());
        host.handler((request, response) -> {
            try (Response r = request.send("b")) {
                for (Cookie c : r.cookies()) {
                    response.write(c.name() + " " + c.path().orElse("-") + " "
                            + c.maxAge().orElse(null) + " "
                            + c.expires().orElse(null) + " " + c.secure() + c.httpOnly() + " "
                            + c.sameSite().orElse(null) + "\n");
                }
            }
            response.setCookie(Cookie.builder("session", "abc")
                    .path("/")
                    .domain("example.com")
                    .maxAge(Duration.ofHours(1))
                    .expires(Instant.parse("2030-01-02T03:04:05Z"))
                    .secure(true)
                    .httpOnly(true)
                    .sameSite(Cookie.SameSite.STRICT)
                    .build());
        });

        host.get("/")
                .send()
                .assertThat()
                .hasBody("id / PT1M null falsetrue LAX\n" + "old - null 2015-10-21T07:28:00Z truefalse null\n")
                .hasHeader(
                        "Set-Cookie",
                        "session=abc; Path=/; Domain=example.com; Expires=Wed, 02 Jan 2030 03:04:05 GMT;"
                                + " Max-Age=3600; Secure; HttpOnly; SameSite=Strict");
    }

    @Test
    void copiesOfARequestAreIndependent(TestHost host) {
        host.backend("b")
                .respond(r -> MockResponse.ok(
                        r.method() + " " + r.path() + " " + r.header("X").orElse("-") + " [" + r.bodyText() + "]"));
        host.handler((request, response) -> {
            Request withBody = request.copyWithBody();
            // passed: a HEAD the cache looked up would reach the backend as a GET, to fill the cache
            Request withoutBody = request.copy().method("HEAD").cacheOptions(CacheOptions.PASS);
            withoutBody.headers().set("X", "copy");
            request.headers().set("X", "original");
            try (Response a = request.send("b");
                    Response b = withBody.send("b");
                    Response c = withoutBody.send("b")) {
                response.write(a.bodyText() + "\n" + b.bodyText() + "\n" + c.bodyText() + "\n");
            }
        });

        host.post("/p", "payload")
                .header("X", "client")
                .send()
                .assertThat()
                .hasBody("POST /p original [payload]\n" + "POST /p client [payload]\n" + "HEAD /p copy []\n");
    }

    @Test
    void headersApplyOverwritesPerName() {
        Headers h = new Headers().add("A", "1").add("B", "1").add("B", "2");
        Headers other = new Headers().add("b", "3").add("C", "4");

        h.apply(other);

        assertEquals("{A=[1], b=[3], C=[4]}", h.toMap().toString());
    }

    @Test
    void dynamicBackendsAreRegisteredReadBackAndScripted(TestHost host) {
        host.dynamicBackend("api")
                .respond(r -> MockResponse.ok("api saw " + r.header("Host").orElse("-")));
        host.handler((request, response) -> {
            Backend api = Backend.register(
                    "api",
                    "api.example.com:8443",
                    BackendOptions.builder()
                            .hostOverride("api.internal")
                            .connectTimeout(Duration.ofMillis(1500))
                            .firstByteTimeout(Duration.ofSeconds(20))
                            .betweenBytesTimeout(Duration.ofSeconds(30))
                            .sslMinVersion(TlsVersion.TLS_1_2)
                            .sslMaxVersion(TlsVersion.TLS_1_3)
                            .httpKeepaliveTime(Duration.ofSeconds(9))
                            .tcpKeepaliveProbes(4)
                            .tcpKeepaliveInterval(Duration.ofSeconds(5))
                            .build());
            response.write(api.name() + " " + api.target() + " "
                    + api.hostOverride().orElse("-") + " " + api.isDynamic() + " " + api.isSsl() + "\n");
            response.write(api.connectTimeout().orElseThrow().toMillis() + " "
                    + api.firstByteTimeout().orElseThrow().getSeconds() + " "
                    + api.betweenBytesTimeout().orElseThrow().getSeconds() + "\n");
            response.write(api.sslMinVersion().orElseThrow() + " "
                    + api.sslMaxVersion().orElseThrow() + " "
                    + api.httpKeepaliveTime().orElseThrow().getSeconds() + " " + api.tcpKeepalive() + " "
                    + api.tcpKeepaliveProbes().getAsInt() + " "
                    + api.tcpKeepaliveInterval().orElseThrow().getSeconds() + " " + api.health() + "\n");
            response.write(Backend.exists("api") + " " + Backend.fromName("api").isDynamic() + "\n");
            try {
                Backend.register("api", "elsewhere.example.com");
            } catch (BackendRegistrationException e) {
                response.write(e.reason() + "\n");
            }
            try (Response r = request.send(api)) {
                response.write(r.bodyText());
            }
        });

        host.get("/")
                .send()
                .assertThat()
                .threwNothing()
                .hasBody("api api.example.com:8443 api.internal true true\n"
                        + "1500 20 30\n"
                        + "TLS_1_2 TLS_1_3 9 true 4 5 UNKNOWN\n"
                        + "true true\n"
                        + "NAME_IN_USE\n"
                        + "api saw api.internal");
        RecordedRequest seen = host.dynamicBackend("api").lastRequest();
        assertEquals("api", seen.backend());
    }

    @Test
    void staticBackendsReportTheirSettings(TestHost host) {
        host.backend("origin")
                .url("https://origin.example.com")
                .overrideHost("www.example.com")
                .firstByteTimeout(Duration.ofSeconds(3))
                .health(BackendHealth.UNHEALTHY);
        host.handler((request, response) -> {
            Backend b = Backend.fromName("origin");
            response.write(b.target() + " " + b.isSsl() + " " + b.isDynamic() + " "
                    + b.hostOverride().orElse("-")
                    + " " + b.firstByteTimeout().orElseThrow().getSeconds() + " " + b.health() + " "
                    + b.sslMinVersion().isPresent());
        });

        host.get("/").send().assertThat().hasBody("origin.example.com:443 true false www.example.com 3 UNHEALTHY true");
    }

    @Test
    void dynamicBackendsCanBeDisallowed(TestHost host) {
        host.allowDynamicBackends(false);
        host.handler((request, response) -> {
            try {
                Backend.register("x", "example.com");
            } catch (BackendRegistrationException e) {
                response.write(e.reason().name());
            }
        });

        host.get("/").send().assertThat().hasBody("DISALLOWED");
    }

    @Test
    void aBadTargetIsRejected(TestHost host) {
        host.handler((request, response) -> {
            try {
                Backend.register("x", "https://example.com/path");
            } catch (BackendRegistrationException e) {
                response.write(e.reason().name());
            }
        });

        host.get("/").send().assertThat().hasBody("INVALID");
    }

    @Test
    void appendAddsABackendBodyToTheResponse(TestHost host) {
        host.backend("b").respond(r -> MockResponse.ok("[" + r.path() + "]"));
        host.handler((request, response) -> {
            response.write("head ");
            response.append(Request.get("http://x/one").send("b"));
            response.write(" middle ");
            response.append(Request.get("http://x/two").send("b"));
            response.write(" tail");
        });

        TestResponse r = host.get("/").send();

        r.assertThat().hasBody("head [/one] middle [/two] tail").hasHeader("Transfer-Encoding", "chunked");
    }

    @Test
    void automaticFramingReplacesTheProgramsFramingHeaders(TestHost host) {
        host.handler((request, response) -> {
            response.headers().set("Content-Length", "999");
            response.write("four");
        });

        host.get("/").send().assertThat().hasHeader("Content-Length", "4").hasBody("four");
    }

    @Test
    void manualFramingKeepsValidFramingHeaders(TestHost host) {
        host.handler((request, response) -> {
            response.manualFraming(true);
            response.headers().set("Content-Length", "4");
            response.write("four");
        });

        host.get("/").send().assertThat().hasHeader("Content-Length", "4");
    }

    @Test
    void manualFramingFallsBackWhenTheHeadersAreWrong(TestHost host) {
        host.handler((request, response) -> {
            response.manualFraming(true);
            response.headers().set("Content-Length", "10");
            response.write("four");
        });

        host.get("/").send().assertThat().hasHeader("Content-Length", "4");
    }

    @Test
    void manualFramingOnARequestReachesTheOriginAsSet(TestHost host) {
        host.backend("b").respond(MockResponse.ok("ok"));
        host.handler((request, response) -> {
            Request manual = Request.of("POST", "http://x/").body("abc").manualFraming(true);
            manual.headers().set("Transfer-Encoding", "chunked");
            manual.send("b").close();
            Request automatic = Request.of("POST", "http://x/").body("abcdef");
            automatic.headers().set("Content-Length", "99");
            automatic.send("b").close();
        });

        host.get("/").send();

        host.backend("b")
                .requests()
                .get(0)
                .assertThat()
                .hasHeader("Transfer-Encoding", "chunked")
                .hasNoHeader("Content-Length")
                .hasBody("abc");
        host.backend("b").requests().get(1).assertThat().hasHeader("Content-Length", "6");
    }

    @Test
    void errorNotFoundAndRedirectHelpers(TestHost host) {
        host.handler((request, response) -> {
            switch (request.path()) {
                case "/error":
                    response.error(503, "try later");
                    break;
                case "/redirect":
                    response.redirect("https://example.com/new", 301);
                    break;
                default:
                    response.notFound();
            }
        });

        host.get("/error")
                .send()
                .assertThat()
                .hasStatus(503)
                .hasHeader("Content-Type", "text/plain; charset=utf-8")
                .hasHeader("X-Content-Type-Options", "nosniff")
                .hasBody("try later\n");
        host.get("/redirect")
                .send()
                .assertThat()
                .hasStatus(301)
                .hasHeader("Location", "https://example.com/new")
                .hasEmptyBody();
        host.get("/other").send().assertThat().hasStatus(404).hasBody("Not Found\n");
    }
}
