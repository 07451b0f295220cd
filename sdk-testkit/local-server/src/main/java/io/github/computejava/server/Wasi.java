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
    private static final int EINVAL = 28;
    private static final int ENOTSUP = 58;

    private final WasiPreview1 wasi;
    private final LineOutput stdout;
    private final LineOutput stderr;
    private final InstantSource clock;
    private final GuestTraces traces;

    /**
     * @param frames the program's frame map, or null: with it, the call site ids a program prints for an uncaught
     *     exception reach the log as Java frames
     */
    Wasi(InstantSource clock, Map<String, String> environment, ServerLog log, FrameMap frames) {
        this(clock, environment, log::stdout, log::stderr, frames);
    }

    /**
     * WASI whose standard output lines go to {@code out} and standard error lines (uncaught exceptions' call sites
     * turned into Java frames with {@code frames}, when given) to {@code err}.
     */
    Wasi(
            InstantSource clock,
            Map<String, String> environment,
            Consumer<String> out,
            Consumer<String> err,
            FrameMap frames) {
        this.clock = clock;
        this.traces = new GuestTraces(frames, err);
        this.stdout = new LineOutput(out);
        this.stderr = new LineOutput(traces::stderrLine);
        WasiOptions.Builder options = WasiOptions.builder()
                .withArguments(List.of("compute-app"))
                .withStdout(stdout, false)
                .withStderr(stderr, false)
                .withClock(clock.withZone(ZoneOffset.UTC))
                .withRandom(ThreadLocalRandom.current());
        environment.forEach(options::withEnvironment);
        this.wasi = WasiPreview1.builder().withOptions(options.build()).build();
    }

    /** The host functions, {@code clock_time_get} reading the engine's clock. */
    HostFunction[] functions() {
        HostFunction[] functions = wasi.toHostFunctions();
        for (int i = 0; i < functions.length; i++) {
            if (functions[i].name().equals("clock_time_get")) {
                functions[i] = new HostFunction(
                        AbiImports.WASI,
                        "clock_time_get",
                        FunctionType.of(List.of(ValType.I32, ValType.I64, ValType.I32), List.of(ValType.I32)),
                        (instance, args) -> {
                            int id = (int) args[0];
                            if (id == 0 || id == 1) {
                                Instant now = clock.instant();
                                instance.memory()
                                        .writeLong(
                                                (int) args[2], now.getEpochSecond() * 1_000_000_000L + now.getNano());
                                return new long[] {ESUCCESS};
                            }
                            return new long[] {id == 2 || id == 3 ? ENOTSUP : EINVAL};
                        });
            }
        }
        return functions;
    }

    /** The instance's stack traces. */
    GuestTraces traces() {
        return traces;
    }

    /** Prints the program's unfinished last lines. */
    @Override
    public void close() {
        stdout.flushLine();
        stderr.flushLine();
        traces.flush();
        wasi.close();
    }

    /** Collects bytes into lines and hands each complete line on. */
    private static final class LineOutput extends OutputStream {
        private final Consumer<String> sink;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineOutput(Consumer<String> sink) {
            this.sink = sink;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                flushLine();
            } else {
                line.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int start = off;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    line.write(b, start, i - start);
                    flushLine();
                    start = i + 1;
                }
            }
            line.write(b, start, off + len - start);
        }

        void flushLine() {
            if (line.size() > 0) {
                sink.accept(line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
        }
    }
}
