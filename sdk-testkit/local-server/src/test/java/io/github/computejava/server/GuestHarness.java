package io.github.computejava.server;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.github.computejava.host.DownstreamRequest;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.Sandbox;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.ResponseHead;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Calls hostcalls the way a program does, through guest memory: arguments are pointers and lengths into a
 * two-page memory, results are read back from it. For marshalling tests without a Wasm module.
 */
final class GuestHarness {
    static final ImportTable ABI = ImportTable.standard();

    final HostEngine engine;
    final Sandbox sandbox;
    final GuestMemory memory;
    final Guest guest;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    ResponseHead sentHead;
    BodyBuffer sentBody;

    GuestHarness() {
        this(HostEngine.builder().build());
    }

    GuestHarness(HostEngine engine) {
        this.engine = engine;
        RequestHead head = new RequestHead("GET", "http://localhost/", new HeaderList());
        head.headers().append("Host", "localhost");
        this.sandbox = engine.newSandbox(
                new DownstreamRequest(
                        head, BodyBuffer.of(new byte[0]), new byte[] {127, 0, 0, 1}, new byte[] {127, 0, 0, 1}),
                (h, b, streaming) -> {
                    sentHead = h;
                    sentBody = b;
                });
        ByteArrayMemory mem = new ByteArrayMemory(new MemoryLimits(2, 2));
        PrintStream p = new PrintStream(log, true, StandardCharsets.UTF_8);
        this.guest = new Guest(sandbox, new ServerLog(p, p, 0), mem);
        this.memory = guest.memory();
    }

    /** Calls a hostcall as the dispatcher does: a guest fault becomes its status. */
    int call(String module, String name, long... args) {
        try {
            return ABI.hostcall(module, name).call(guest, args);
        } catch (GuestFault f) {
            return f.status();
        }
    }

    /** Puts bytes at {@code ptr}. */
    int put(int ptr, byte[] bytes) {
        memory.write(ptr, bytes, 0, bytes.length);
        return bytes.length;
    }

    int put(int ptr, String text) {
        return put(ptr, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    int u32(int ptr) {
        return memory.u32(ptr);
    }

    long u64(int ptr) {
        return memory.u64(ptr);
    }

    byte[] bytes(int ptr, int len) {
        return memory.bytes(ptr, len);
    }
}
