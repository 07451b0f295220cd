package io.github.computejava.samples.readthrough;

import io.github.computejava.host.Backend;
import io.github.computejava.host.HostEngine;
import io.github.computejava.server.LocalServer;
import io.github.computejava.server.WasmProgram;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The Wasm door: the built {@code bin/main.wasm} on the local server, reached over HTTP. */
final class ServerDoor extends Door {
    private static WasmProgram program;

    private final LocalServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    ServerDoor() throws Exception {
        server = LocalServer.builder()
                .program(program())
                .engine(HostEngine.builder()
                        .clock(clock)
                        .backend(Backend.builder(Main.BACKEND).build()))
                .origin(origin)
                .address(new InetSocketAddress("127.0.0.1", 0))
                .build();
        server.start();
    }

    /** The program, compiled once for all tests. */
    private static synchronized WasmProgram program() {
        if (program == null) {
            String wasm = System.getProperty("compute.wasm", "bin/main.wasm");
            program = WasmProgram.load(Path.of(wasm), WasmProgram.Execution.COMPILED);
        }
        return program;
    }

    @Override
    Reply request(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(server.uri().toString().replaceAll("/$", "") + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        Map<String, String> headers = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : response.headers().map().entrySet()) {
            headers.put(
                    e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue().get(0));
        }
        return new Reply(response.statusCode(), headers, response.body());
    }

    @Override
    void settle() throws Exception {
        if (!server.engine().readthrough().awaitBackgroundWork(Duration.ofSeconds(10))) {
            throw new AssertionError("background work did not finish");
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
