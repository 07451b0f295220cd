package io.github.computejava.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.host.ExecutionLimits;
import io.github.computejava.host.HostEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests reuse the instances of earlier ones, or their linear memories, and see nothing of them: each request gets
 * the module's initial image (data segments over zeros, its initial size), its initial globals and tables, its
 * passive data and element segments not dropped, and an instance or memory whose request trapped or was ended is
 * never reused. The guest ({@code faults/reuse.wat}) reports what it starts with and then changes all of it.
 */
class MemoryReuseTest {
    /**
     * What reuse.wat reports at the start of a fresh instance: global 7, "IMG0", 0, 2 pages (its start function grew
     * one), 0, a function in slot 0, "PASV" copied from the passive segment, slot 1 empty, 1 (the start function's
     * increment).
     */
    private static final int[] INITIAL = {7, 0x30474d49, 0, 2, 0, 1, 0x56534150, 1, 1};

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private LocalServer server;

    private WasmProgram serve(WasmProgram.Execution execution, UnaryOperator builder) throws Exception {
        return serve(WasmProgram.load("reuse.wasm", Wat.compile("reuse"), execution), builder);
    }

    private WasmProgram serve(WasmProgram program, UnaryOperator builder) throws Exception {
        ServerLog log = new ServerLog(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                0);
        server = builder.apply(LocalServer.builder()
                        .program(program)
                        .engine(HostEngine.builder())
                        .address(new InetSocketAddress("127.0.0.1", 0))
                        .log(log))
                .build();
        server.start();
        return program;
    }

    private interface UnaryOperator {
        LocalServer.Builder apply(LocalServer.Builder b);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<byte[]> get(boolean fault) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(server.uri().resolve("/")).timeout(Duration.ofSeconds(60));
        if (fault) {
            b.header("X-Fault", "1");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static int[] state(HttpResponse<byte[]> r) {
        assertEquals(200, r.statusCode());
        assertEquals(36, r.body().length, "nine i32s");
        ByteBuffer b = ByteBuffer.wrap(r.body()).order(ByteOrder.LITTLE_ENDIAN);
        int[] out = new int[9];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getInt();
        }
        return out;
    }

    private static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    @Test
    void aReusedMemoryHoldsTheInitialImageAndFreshGlobalsAndTables() throws Exception {
        WasmProgram program =
                serve(WasmProgram.Execution.COMPILED, b -> b.pooledMemories(2).pooledInstances(0));
        assertArrayEquals(INITIAL, state(get(false)), "the first instance");
        // the memory goes back to the pool once the instance has ended (after its answer)
        assertTrue(
                await(() -> program.memoryPool() != null && program.memoryPool().idle() == 1, Duration.ofSeconds(10)));
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(INITIAL, state(get(false)), "request " + (i + 2) + " on a reused memory");
            assertTrue(await(() -> program.memoryPool().idle() == 1, Duration.ofSeconds(10)));
        }
        assertEquals(1, program.memoryPool().created(), "one memory served every request");
        assertEquals(3, program.memoryPool().reused());
    }

    @Test
    void aKeptInstanceStartsEveryRequestAsInstantiated() throws Exception {
        for (WasmProgram.Execution execution :
                new WasmProgram.Execution[] {WasmProgram.Execution.COMPILED, WasmProgram.Execution.INTERPRETED}) {
            WasmProgram program = serve(execution, b -> b.pooledInstances(2));
            assertArrayEquals(INITIAL, state(get(false)), execution + ": the first instance");
            // the instance is kept once its request has ended (after its answer)
            assertTrue(await(() -> program.keptInstances() == 1, Duration.ofSeconds(10)));
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(
                        INITIAL, state(get(false)), execution + ": request " + (i + 2) + " on a kept instance");
                assertTrue(await(() -> program.keptInstances() == 1, Duration.ofSeconds(10)));
            }
            assertEquals(3, program.instancesReused(), execution + ": one instance served every request");
            server.close();
            server = null;
        }
    }

    @Test
    void anInstanceThatTrappedIsNotKept() throws Exception {
        WasmProgram program =
                serve(WasmProgram.Execution.COMPILED, b -> b.pooledInstances(2).pooledMemories(0));
        assertArrayEquals(INITIAL, state(get(false)));
        assertTrue(await(() -> program.keptInstances() == 1, Duration.ofSeconds(10)));
        // the fault request takes the kept instance, changes it and traps after its answer
        assertArrayEquals(INITIAL, state(get(true)));
        assertTrue(await(() -> server.runningInstances() == 0, Duration.ofSeconds(10)));
        assertTrue(await(() -> err.toString(StandardCharsets.UTF_8).contains("trapped"), Duration.ofSeconds(10)));
        assertEquals(0, program.keptInstances(), "the trapped instance is not kept");
        assertArrayEquals(INITIAL, state(get(false)), "the next request gets a new instance");
        assertEquals(1, program.instancesReused());
    }

    @Test
    void theMemoryOfAnInstanceThatTrappedIsDropped() throws Exception {
        WasmProgram program =
                serve(WasmProgram.Execution.COMPILED, b -> b.pooledMemories(2).pooledInstances(0));
        assertArrayEquals(INITIAL, state(get(false)));
        assertTrue(
                await(() -> program.memoryPool() != null && program.memoryPool().idle() == 1, Duration.ofSeconds(10)));
        // the fault request takes the kept memory, changes it and traps after its answer
        assertArrayEquals(INITIAL, state(get(true)));
        assertTrue(await(() -> server.runningInstances() == 0, Duration.ofSeconds(10)));
        assertTrue(await(() -> err.toString(StandardCharsets.UTF_8).contains("trapped"), Duration.ofSeconds(10)));
        assertEquals(0, program.memoryPool().idle(), "the trapped instance's memory is not kept");
        assertArrayEquals(INITIAL, state(get(false)), "the next instance gets a new memory");
        assertEquals(2, program.memoryPool().created());
        assertEquals(1, program.memoryPool().reused());
    }

    @Test
    void theMemoryOfAnInstanceTheServerEndedIsDropped() throws Exception {
        WasmProgram program = WasmProgram.load("spin.wasm", Wat.compile("spin"), WasmProgram.Execution.COMPILED);
        ServerLog log = new ServerLog(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                0);
        server = LocalServer.builder()
                .program(program)
                .engine(HostEngine.builder()
                        .limits(ExecutionLimits.builder()
                                .runTime(Duration.ofMillis(300))
                                .build()))
                .address(new InetSocketAddress("127.0.0.1", 0))
                .log(log)
                .pooledMemories(2)
                .pooledInstances(0)
                .build();
        server.start();
        assertEquals("ok", new String(get(false).body(), StandardCharsets.UTF_8));
        assertTrue(
                await(() -> program.memoryPool() != null && program.memoryPool().idle() == 1, Duration.ofSeconds(10)));
        HttpResponse<byte[]> ended = get(true);
        assertEquals(500, ended.statusCode());
        assertTrue(await(() -> server.runningInstances() == 0, Duration.ofSeconds(10)));
        assertEquals(0, program.memoryPool().idle(), "the ended instance's memory is not kept");
        assertEquals("ok", new String(get(false).body(), StandardCharsets.UTF_8));
        assertEquals(2, program.memoryPool().created());
    }

    @Test
    void withoutAPoolEveryInstanceGetsANewMemory() throws Exception {
        WasmProgram program = serve(
                WasmProgram.Execution.INTERPRETED, b -> b.pooledMemories(0).pooledInstances(0));
        assertArrayEquals(INITIAL, state(get(false)));
        assertArrayEquals(INITIAL, state(get(false)));
        assertEquals(null, program.memoryPool());
    }

    @Test
    void aTieredProgramServesAtOnceAndSwitchesToCompiledCode() throws Exception {
        WasmProgram program =
                serve(WasmProgram.Execution.TIERED, b -> b.pooledMemories(2).pooledInstances(0));
        assertArrayEquals(INITIAL, state(get(false)), "served whether compiled or not");
        assertNotNull(program.compiled().get(60, java.util.concurrent.TimeUnit.SECONDS));
        assertArrayEquals(INITIAL, state(get(false)), "served compiled");
    }

    @Test
    void aTieredProgramWhoseCodeTurnsOutInvalidFailsItsRequestsWithTheReason() throws Exception {
        // its declarations are sound, so it is accepted at once; its last function's closing end is not an opcode
        byte[] wasm = Wat.compile("reuse");
        wasm[codeSectionEnd(wasm) - 1] = (byte) 0xFF;
        WasmProgram program = serve(WasmProgram.load("bad.wasm", wasm, WasmProgram.Execution.TIERED), b -> b);

        HttpResponse<byte[]> r = get(false);

        assertEquals(500, r.statusCode());
        assertTrue(program.parsed().isCompletedExceptionally());
        assertTrue(
                err.toString(StandardCharsets.UTF_8).contains("bad.wasm is not a valid WebAssembly module"),
                err.toString(StandardCharsets.UTF_8));
    }

    /** Where the code section of a module ends. */
    private static int codeSectionEnd(byte[] wasm) {
        int at = 8;
        while (at < wasm.length) {
            int id = wasm[at++];
            long size = 0;
            int shift = 0;
            byte b;
            do {
                b = wasm[at++];
                size |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            if (id == 10) {
                return at + (int) size;
            }
            at += (int) size;
        }
        throw new IllegalArgumentException("no code section");
    }
}
