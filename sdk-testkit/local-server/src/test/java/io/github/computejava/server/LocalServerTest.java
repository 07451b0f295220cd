package io.github.computejava.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.host.HostEngine;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalServerTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalServer server;

    private LocalServer serve(byte[] program) throws Exception {
        ServerLog log = new ServerLog(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                1);
        server = LocalServer.builder()
                .program(WasmProgram.load("test.wasm", program, WasmProgram.Execution.COMPILED))
                .engine(HostEngine.builder())
                .address(new InetSocketAddress("127.0.0.1", 0))
                .log(log)
                .build();
        server.start();
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersWithTheProgramsResponse() throws Exception {
        serve(TestPrograms.respond(201, "hello from wasm\n"));

        HttpResponse<String> r = get("/anything?x=1");

        assertEquals(201, r.statusCode());
        assertEquals("hello from wasm\n", r.body());
        assertEquals("16", r.headers().firstValue("content-length").orElseThrow());
        assertTrue(r.headers().firstValue("date").isPresent(), "a Date header is added");
    }

    @Test
    void aTrapEndsThatRequestWithA500AndTheNextIsServed() throws Exception {
        serve(TestPrograms.trapOnHeader());

        HttpResponse<String> trapped = get("/", "X-Trap", "1");
        HttpResponse<String> next = get("/");

        assertEquals(500, trapped.statusCode());
        assertTrue(trapped.body().contains("trapped"), trapped.body());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("the program trapped"), err.toString());
        assertEquals(200, next.statusCode());
        assertEquals("ok", next.body());
    }

    @Test
    void aFailedExitIsA500AndASuccessfulExitWithoutResponseAnEmpty200() throws Exception {
        serve(TestPrograms.exit(3));
        HttpResponse<String> failed = get("/");
        server.close();
        serve(TestPrograms.exit(0));
        HttpResponse<String> succeeded = get("/");

        assertEquals(500, failed.statusCode());
        assertTrue(failed.body().contains("exited with code 3"), failed.body());
        assertEquals(200, succeeded.statusCode());
        assertEquals("", succeeded.body());
    }

    @Test
    void aProgramThatReturnsWithoutRespondingGetsAnEmpty200() throws Exception {
        serve(TestPrograms.silent());

        HttpResponse<String> r = get("/");

        assertEquals(200, r.statusCode());
        assertEquals("", r.body());
    }

    @Test
    void aBadPointerFailsTheHostcallWithInvalAndTheProgramCarriesOn() throws Exception {
        serve(TestPrograms.badPointer());

        HttpResponse<String> r = get("/");

        assertEquals(402, r.statusCode(), "400 + inval (2)");
        assertTrue(
                err.toString(StandardCharsets.UTF_8).contains("hostcall fastly_http_body.write failed with inval"),
                err.toString());
        assertEquals(402, get("/").statusCode(), "the server keeps serving");
    }

    @Test
    void headersUpTo69KbPassInBothDirections() throws Exception {
        serve(TestPrograms.relayHeaderTwice());
        String value = "v".repeat(20 * 1024);

        HttpResponse<String> r = get("/", "X-Relay", value);

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of(value, value), r.headers().allValues("x-relayed"), "40 KB of response headers");
        assertEquals("ok", r.body());
    }

    @Test
    void requestHeadersBeyond69KbGetA431() throws Exception {
        serve(TestPrograms.relayHeaderTwice());

        assertEquals(431, get("/", "X-Relay", "v".repeat(70 * 1024)).statusCode());
        assertEquals(200, get("/").statusCode(), "the server keeps serving");
    }

    @Test
    void responseHeadersBeyond69KbAreA500WithALogLine() throws Exception {
        serve(TestPrograms.relayHeaderTwice());

        HttpResponse<String> r = get("/", "X-Relay", "v".repeat(40 * 1024));

        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("header"), r.body());
        String log = err.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("response") && log.contains("69"), log);
        assertEquals(200, get("/").statusCode(), "the server keeps serving");
    }

    @Test
    void aMalformedRequestGetsA400() throws Exception {
        serve(TestPrograms.respond(200, "ok"));

        String reply;
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream()
                    .write("GET / HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }

        assertTrue(reply.startsWith("HTTP/1.1 400"), reply);
        assertEquals(200, get("/").statusCode(), "the server keeps serving");
    }

    @Test
    void aMalformedChunkedBodyGetsA400AndTheLogNamesTheClientsBody() throws Exception {
        serve(TestPrograms.readBodyThenRespond());

        String reply;
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream()
                    .write(("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                    + "5\r\nhello\r\nzz\r\nnot a chunk\r\n0\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }

        assertTrue(reply.startsWith("HTTP/1.1 400"), reply);
        assertTrue(reply.contains("request body is malformed"), reply);
        String log = err.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("the client's request body is malformed"), log);
        assertFalse(log.contains("backend"), log);
        assertEquals(200, get("/").statusCode(), "the server keeps serving");
    }

    @Test
    void anAbsoluteFormTargetIsAcceptedAndWinsOverTheHostHeader() throws Exception {
        serve(TestPrograms.reportUrlAndHost());

        String reply = rawExchange("GET http://other.example/x?y=1 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        assertTrue(reply.startsWith("HTTP/1.1 200"), reply);
        assertTrue(reply.endsWith("\r\n\r\nhttp://other.example/x?y=1\nother.example"), reply);
        String withPort =
                rawExchange("GET http://other.example:8080/ HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        assertTrue(withPort.endsWith("\r\n\r\nhttp://other.example:8080/\nother.example:8080"), withPort);
        String origin = rawExchange("GET /x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        assertTrue(origin.endsWith("\r\n\r\nhttp://a/x\na"), origin);
        String sameHost = rawExchange("GET http://A:80/x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        assertTrue(
                sameHost.endsWith("\na"), "the client's own Host header is kept when it names the target: " + sameHost);
    }

    @Test
    void bodiesStreamBothWaysWhileTheProgramRuns() throws Exception {
        serve(TestPrograms.echo());

        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream o = s.getOutputStream();
            InputStream in = s.getInputStream();
            o.write(("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + "6\r\nfirst \r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            o.flush();
            // the first chunk comes back before the request is complete
            String head = readUntil(in, "first ");
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            assertTrue(head.toLowerCase().contains("transfer-encoding: chunked"), head);
            o.write("6\r\nsecond\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            o.flush();
            String rest = readUntil(in, "0\r\n\r\n");
            assertTrue(rest.contains("second"), rest);
        }
    }

    @Test
    void aResponseThatCannotBeWrittenToTheClientIsLogged() throws Exception {
        serve(TestPrograms.echo());

        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream o = s.getOutputStream();
            o.write(("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + "6\r\nfirst \r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            o.flush();
            readUntil(s.getInputStream(), "first ");
            s.setSoLinger(true, 0); // the client goes away: a reset, while the response is still streaming
        }

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!err.toString(StandardCharsets.UTF_8).contains("writing the response to the client failed")
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(
                err.toString(StandardCharsets.UTF_8).contains("writing the response to the client failed"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(200, get("/").statusCode(), "the server keeps serving");
    }

    @Test
    void aProgramAskingForTheNextRequestServesItInTheSameInstance() throws Exception {
        serve(TestPrograms.reusing());

        assertEquals(201, get("/").statusCode());
        assertEquals(202, get("/").statusCode(), "the second request reached the waiting instance");
        HttpResponse<String> third = get("/");
        assertEquals(203, third.statusCode());
        assertEquals("reused", third.body());
    }

    @Test
    void beyondTheConcurrencyLimitARequestGetsA503() throws Exception {
        server = LocalServer.builder()
                .program(WasmProgram.load("echo.wasm", TestPrograms.echo(), WasmProgram.Execution.COMPILED))
                .address(new InetSocketAddress("127.0.0.1", 0))
                .log(new ServerLog(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        0))
                .maxConcurrentGuests(1)
                .build();
        server.start();

        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream o = s.getOutputStream();
            // the one instance echoes a body that has not ended: it keeps running
            o.write(("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + "6\r\nfirst \r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            o.flush();
            readUntil(s.getInputStream(), "first ");

            HttpResponse<String> refused = get("/");

            assertEquals(503, refused.statusCode());
            assertEquals("The local server is running too many requests at once.\n", refused.body());
            o.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            o.flush();
            readUntil(s.getInputStream(), "0\r\n\r\n");
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        int status;
        while ((status = get("/").statusCode()) == 503 && System.nanoTime() < deadline) {
            Thread.sleep(20); // the instance's thread is returned once its request has ended
        }
        assertEquals(200, status, "served again once the instance has finished");
    }

    @Test
    void servesConcurrentRequests() throws Exception {
        serve(TestPrograms.respond(200, "concurrent"));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> get("/").statusCode()));
            }
            for (Future<Integer> f : results) {
                assertEquals(200, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesAProgramThatImportsWhatFastlyDoesNotProvide() {
        WasmAssembler a = new WasmAssembler();
        a.importFunction("fastly_http_req", "no_such_call", 1, true);
        a.importFunction("fastly_http_body", "new", 2, true);
        a.start(0, c -> {});

        ProgramException e = assertThrows(
                ProgramException.class, () -> WasmProgram.load("odd.wasm", a.build(), WasmProgram.Execution.COMPILED));

        assertTrue(
                e.getMessage().contains("fastly_http_req.no_such_call, which Fastly does not provide"), e.getMessage());
        assertTrue(
                e.getMessage().contains("fastly_http_body.new as (i32 i32) -> (i32), but Fastly's is (i32) -> (i32)"),
                e.getMessage());
    }

    @Test
    void refusesBytesThatAreNotWebAssembly() {
        ProgramException e = assertThrows(
                ProgramException.class,
                () -> WasmProgram.load(
                        "x.wasm", "not wasm".getBytes(StandardCharsets.UTF_8), WasmProgram.Execution.COMPILED));
        assertTrue(e.getMessage().contains("x.wasm is not a WebAssembly module"), e.getMessage());
    }

    private String rawExchange(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String readUntil(InputStream in, String marker) throws Exception {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().contains(marker)) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            sb.append((char) c);
        }
        return sb.toString();
    }
}
