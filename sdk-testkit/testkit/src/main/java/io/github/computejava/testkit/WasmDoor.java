package io.github.computejava.testkit;

import io.github.computejava.fsthttp.Headers;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.LogSink;
import io.github.computejava.host.backend.Origin;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a {@link TestHost} reaches a built {@code main.wasm} instead of a program in the test's JVM: the module
 * served over loopback by the local server, on the host's engine (its clock, scripted backends and stores).
 *
 * <p>The testkit itself has no Wasm runtime and no HTTP server. The door comes from {@code
 * io.github.computejava:compute-java-testkit-wasm} (test scope): {@code LocalServerDoor.load(path)} there gives a
 * door to pass to {@link TestHost.Builder#localServer(WasmDoor)}, and with that artifact on the classpath {@link
 * TestHost.Builder#localServer(Path)} finds it by itself. Tests do not implement this interface.
 */
public interface WasmDoor {
    /**
     * Serves the program for one host.
     *
     * @param engine the host's engine settings; the door builds the engine
     * @param origin where the engine sends backend requests
     * @param logs where log lines go
     * @return the running program; close it with the host
     * @throws IllegalStateException if the server cannot start
     */
    Session open(HostEngine.Builder engine, Origin origin, LogSink logs);

    /** The program served for one host. */
    interface Session extends AutoCloseable {
        /** The engine the program runs on. */
        HostEngine engine();

        /** The server's address, such as {@code http://127.0.0.1:PORT}, without a trailing slash. */
        String baseUrl();

        /** Sends a request and reads the whole response. */
        Reply send(String method, String url, Headers headers, byte[] body);

        /** Sends a request and returns once the response head arrives; the body is read as it comes. */
        StreamedReply sendStreaming(String method, String url, Headers headers, byte[] body);

        /** How many instances of the program wait for another client request ({@code serveMany}). */
        int instancesWaitingForRequest();

        /**
         * Waits until exactly {@code count} instances wait for another client request.
         *
         * @return false if that did not happen within {@code timeout}
         * @throws InterruptedException if interrupted while waiting
         */
        boolean awaitInstancesWaitingForRequest(int count, Duration timeout) throws InterruptedException;

        /** Stops the server and releases the engine. */
        @Override
        void close();
    }

    /**
     * A whole response as the client received it.
     *
     * @param status the status code
     * @param headers the header fields as received
     * @param body the body bytes received
     * @param streamed whether the response came with chunked framing
     * @param complete false when the body ended early (the program abandoned it)
     * @param usage what the instance used, once it has ended
     * @param earlyHints the {@code 103 Early Hints} responses received before it, each as its header fields
     * @param trailers the trailer fields received after the body
     */
    record Reply(
            int status,
            Headers headers,
            byte[] body,
            boolean streamed,
            boolean complete,
            java.util.concurrent.CompletableFuture<io.github.computejava.host.ResourceUsage> usage,
            java.util.List<Headers> earlyHints,
            Headers trailers) {}

    /**
     * A response whose body is still arriving.
     *
     * @param status the status code
     * @param headers the header fields as received
     * @param body the body as it arrives
     */
    record StreamedReply(int status, Headers headers, InputStream body) {}

    /**
     * Makes a door for a {@code main.wasm} file; found with {@link java.util.ServiceLoader} by {@link
     * TestHost.Builder#localServer(Path)}.
     */
    interface Provider {
        /**
         * Loads a module, ready to serve for many hosts.
         *
         * @param mainWasm the module
         * @return its door
         * @throws IllegalStateException if the module cannot be loaded
         */
        WasmDoor load(Path mainWasm);
    }
}
