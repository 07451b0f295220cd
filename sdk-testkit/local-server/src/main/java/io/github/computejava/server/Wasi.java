package io.github.computejava.server;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * WASI preview 1 for one program instance: Chicory's implementation with the engine's environment variables, the
 * program's standard output and error printed line by line by the server, no preopened directories (so no file
 * system access), and both clocks read from the engine's clock.
 */
final class Wasi implements AutoCloseable {
    private static final int ESUCCESS = 0;
    /** WASI preview 1's errno for a pointer outside the program's memory. */
    static final int EFAULT = 21;

    private static final int EINVAL = 28;
    private static final int ENOTSUP = 58;

    /** The program's one argument, its name (argv[0]). */
    private static final String PROGRAM_NAME = "compute-app";

    private static final byte[] ARGUMENT_BYTES =
            (PROGRAM_NAME + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final WasiOptions options;
    // made on the instance's first WASI call: many requests make none
    private WasiPreview1 wasi;
    private java.util.Map<String, HostFunction> handlers;
    private final LineOutput stdout;
    private final LineOutput stderr;
    private final InstantSource clock;
    private final GuestTraces traces;

    /**
     * WASI for one instance whose output lines are printed whole up to {@code maxLineBytes} bytes (0 for any
     * length); a longer line is cut there and says how many bytes were left out.
     *
     * @param frames the program's frame map, or null: with it, the call site ids a program prints for an uncaught
     *     exception reach the log as Java frames
     */
    Wasi(InstantSource clock, Map<String, String> environment, ServerLog log, FrameMap frames, int maxLineBytes) {
        this(clock, environment, log::stdout, log::stderr, frames, maxLineBytes);
    }

    /**
     * WASI whose standard output lines go to {@code out} and standard error lines (uncaught exceptions' call sites
     * turned into Java frames with {@code frames}, when given) to {@code err}, each line whole up to {@code
     * maxLineBytes} bytes (0 for any length).
     */
    Wasi(
            InstantSource clock,
            Map<String, String> environment,
            Consumer<String> out,
            Consumer<String> err,
            FrameMap frames,
            int maxLineBytes) {
        this.clock = clock;
        this.traces = new GuestTraces(frames, err);
        this.stdout = new LineOutput(out, maxLineBytes);
        this.stderr = new LineOutput(traces::stderrLine, maxLineBytes);
        WasiOptions.Builder options = WasiOptions.builder()
                .withArguments(List.of(PROGRAM_NAME))
                .withStdout(stdout, false)
                .withStderr(stderr, false)
                .withClock(clock.withZone(ZoneOffset.UTC))
                .withRandom(ThreadLocalRandom.current());
        environment.forEach(options::withEnvironment);
        this.options = options.build();
    }

    /**
     * The WASI function {@code name} for an instance's import: what {@link #functions()} holds under that name, made
     * when the instance first calls a WASI function; a function WASI preview 1 does not define traps when called.
     */
    HostFunction function(String module, String name, FunctionType type) {
        return new HostFunction(module, name, type, (instance, args) -> call(name, instance, args));
    }

    /** Calls the WASI function {@code name} for an instance (what {@link #function} binds an import to). */
    long[] call(String name, com.dylibso.chicory.runtime.Instance instance, long[] args) {
        // what most programs call on every request is answered here, without making WASI's state
        switch (name) {
            case "clock_time_get":
                return clockTimeGet(instance, args);
            case "args_sizes_get":
                return argsSizesGet(instance, args);
            case "args_get":
                return argsGet(instance, args);
            default:
                break;
        }
        HostFunction f = handlers().get(name);
        if (f == null) {
            throw new com.dylibso.chicory.runtime.TrapException("WASI function " + name + " is not available");
        }
        return f.handle().apply(instance, args);
    }

    private java.util.Map<String, HostFunction> handlers() {
        if (handlers == null) {
            java.util.Map<String, HostFunction> byName = new java.util.HashMap<>();
            for (HostFunction f : functions()) {
                byName.put(f.name(), f);
            }
            handlers = byName;
        }
        return handlers;
    }

    private WasiPreview1 preview1() {
        if (wasi == null) {
            wasi = WasiPreview1.builder().withOptions(options).build();
        }
        return wasi;
    }

    /**
     * The host functions, {@code clock_time_get} reading the engine's clock, and each answering {@code EFAULT}
     * instead of trapping when the program passes a pointer outside its memory (as WASI says).
     */
    HostFunction[] functions() {
        HostFunction[] functions = preview1().toHostFunctions();
        for (int i = 0; i < functions.length; i++) {
            functions[i] = faulting(functions[i]);
        }
        for (int i = 0; i < functions.length; i++) {
            if (functions[i].name().equals("clock_time_get")) {
                functions[i] = new HostFunction(
                        ImportTable.WASI,
                        "clock_time_get",
                        FunctionType.of(List.of(ValType.I32, ValType.I64, ValType.I32), List.of(ValType.I32)),
                        this::clockTimeGet);
            }
        }
        return functions;
    }

    /** {@code clock_time_get} reading the engine's clock (realtime and monotonic; no CPU-time clocks). */
    private long[] clockTimeGet(com.dylibso.chicory.runtime.Instance instance, long[] args) {
        int id = (int) args[0];
        if (id == 0 || id == 1) {
            Instant now = clock.instant();
            if (!inMemory(instance, args[2], 8)) {
                return new long[] {EFAULT};
            }
            instance.memory().writeLong((int) args[2], now.getEpochSecond() * 1_000_000_000L + now.getNano());
            return new long[] {ESUCCESS};
        }
        return new long[] {id == 2 || id == 3 ? ENOTSUP : EINVAL};
    }

    /** {@code args_sizes_get}: one argument, the program's name. */
    private static long[] argsSizesGet(com.dylibso.chicory.runtime.Instance instance, long[] args) {
        if (!inMemory(instance, args[0], 4) || !inMemory(instance, args[1], 4)) {
            return new long[] {EFAULT};
        }
        instance.memory().writeI32((int) args[0], 1);
        instance.memory().writeI32((int) args[1], ARGUMENT_BYTES.length);
        return new long[] {ESUCCESS};
    }

    /** {@code args_get}: the pointer to the program's name, and the name with its terminating NUL. */
    private static long[] argsGet(com.dylibso.chicory.runtime.Instance instance, long[] args) {
        if (!inMemory(instance, args[0], 4) || !inMemory(instance, args[1], ARGUMENT_BYTES.length)) {
            return new long[] {EFAULT};
        }
        instance.memory().writeI32((int) args[0], (int) args[1]);
        instance.memory().write((int) args[1], ARGUMENT_BYTES);
        return new long[] {ESUCCESS};
    }

    /** The instance's stack traces. */
    GuestTraces traces() {
        return traces;
    }

    /** A WASI function that answers {@code EFAULT} where it would trap on an access outside memory. */
    private static HostFunction faulting(HostFunction f) {
        if (f.name().equals("proc_exit") || f.returnTypes().size() != 1) {
            return f;
        }
        return new HostFunction(f.module(), f.name(), f.functionType(), (instance, args) -> {
            try {
                return f.handle().apply(instance, args);
            } catch (com.dylibso.chicory.wasm.ChicoryException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("out of bounds memory access")) {
                    return new long[] {EFAULT};
                }
                throw e;
            } catch (IndexOutOfBoundsException | NegativeArraySizeException e) {
                return new long[] {EFAULT};
            }
        });
    }

    private static boolean inMemory(com.dylibso.chicory.runtime.Instance instance, long ptr, int len) {
        long start = ptr & 0xFFFFFFFFL;
        return start + len <= (long) instance.memory().pages() * com.dylibso.chicory.runtime.Memory.PAGE_SIZE;
    }

    /** Prints the program's unfinished last lines. */
    @Override
    public void close() {
        stdout.flushLine();
        stderr.flushLine();
        traces.flush();
        if (wasi != null) {
            wasi.close();
        }
    }

    /**
     * Collects bytes into lines and hands each complete line on; past {@code max} bytes a line's further bytes are
     * counted, not kept, and the line says how many were left out.
     */
    static final class LineOutput extends OutputStream {
        private final Consumer<String> sink;
        private final int max;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private long dropped;

        LineOutput(Consumer<String> sink, int max) {
            this.sink = sink;
            this.max = max;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                flushLine();
            } else {
                keep(new byte[] {(byte) b}, 0, 1);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int start = off;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    keep(b, start, i - start);
                    flushLine();
                    start = i + 1;
                }
            }
            keep(b, start, off + len - start);
        }

        private void keep(byte[] b, int off, int len) {
            int room = max <= 0 ? len : Math.max(0, Math.min(len, max - line.size()));
            line.write(b, off, room);
            dropped += len - room;
        }

        void flushLine() {
            if (line.size() > 0 || dropped > 0) {
                String text = line.toString(StandardCharsets.UTF_8);
                if (dropped > 0) {
                    text += " [line cut at " + max + " bytes: " + dropped
                            + " more left out (limits.output_line_bytes)]";
                }
                sink.accept(text);
                line.reset();
                dropped = 0;
            }
        }
    }
}
