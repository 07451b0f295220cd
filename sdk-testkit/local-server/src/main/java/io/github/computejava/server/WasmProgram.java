package io.github.computejava.server;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A Compute program ready to serve: parsed, checked against Fastly's ABI and compiled to JVM bytecode once (functions
 * too large for the JVM run in Chicory's interpreter). Every request gets a fresh instance, as on Fastly.
 */
public final class WasmProgram {
    /** How the program's functions execute. */
    public enum Execution {
        /** Compiled to JVM bytecode, falling back to the interpreter for functions the JVM cannot hold. */
        COMPILED,
        /** Interpreted (slower; no compile time). */
        INTERPRETED
    }

    private final String name;
    private final WasmModule module;
    private final List<AbiImports.Binding> bindings;
    private final Function<Instance, Machine> machines;
    private final AbiImports imports;
    private final long compileMillis;
    private final FrameMap frameMap;
    private final String frameMapProblem;

    private WasmProgram(
            String name,
            WasmModule module,
            List<AbiImports.Binding> bindings,
            Function<Instance, Machine> machines,
            AbiImports imports,
            long compileMillis,
            FrameMap frameMap,
            String frameMapProblem) {
        this.name = name;
        this.module = module;
        this.bindings = bindings;
        this.machines = machines;
        this.imports = imports;
        this.compileMillis = compileMillis;
        this.frameMap = frameMap;
        this.frameMapProblem = frameMapProblem;
    }

    /**
     * Loads and compiles a program.
     *
     * @param file the {@code main.wasm}
     * @param execution how functions execute
     * @return the program
     * @throws ProgramException if the file cannot be read, is not WebAssembly, or imports what Fastly does not
     *     provide
     */
    public static WasmProgram load(Path file, Execution execution) {
        return load(file, execution, null);
    }

    /**
     * Loads and compiles a program, keeping the compiled code in {@code compileCache} for the next start. The
     * program's frame map is read from beside it ({@link FrameMap#beside}) when the build wrote one.
     *
     * @param file the {@code main.wasm}
     * @param execution how functions execute
     * @param compileCache a directory for compiled programs, or null for none
     * @return the program
     * @throws ProgramException if the file cannot be read, is not WebAssembly, or imports what Fastly does not
     *     provide
     */
    public static WasmProgram load(Path file, Execution execution, Path compileCache) {
        return load(file, FrameMap.beside(file), execution, compileCache);
    }

    /**
     * Loads and compiles a program with its frame map from {@code frameMap}: the uncaught exceptions and traps of
     * a TeaVM-built program are logged as Java stack traces. A missing map is no error (the program may not have
     * been built by compute-java); a map that does not read, or was written for another build of the module, is
     * ignored and {@link #frameMapProblem()} says why.
     *
     * @param file the {@code main.wasm}
     * @param frameMap its frame map
     * @param execution how functions execute
     * @param compileCache a directory for compiled programs, or null for none
     * @return the program
     * @throws ProgramException if the file cannot be read, is not WebAssembly, or imports what Fastly does not
     *     provide
     */
    public static WasmProgram load(Path file, Path frameMap, Execution execution, Path compileCache) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ProgramException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return load(file.toString(), bytes, frameMap, execution, compileCache);
    }

    /** {@link #load(Path, Path, Execution, Path)} for a module already read (the local server reloading it). */
    static WasmProgram load(String file, byte[] bytes, Path frameMap, Execution execution, Path compileCache) {
        WasmProgram program = load(file, bytes, execution, AbiImports.standard(), compileCache);
        if (frameMap == null || !Files.exists(frameMap)) {
            return program;
        }
        FrameMap map = null;
        String problem = null;
        try {
            map = FrameMap.read(frameMap);
            if (!map.matches(bytes)) {
                map = null;
                problem = frameMap + " was written for another build of " + file + "; rebuild to get Java frames";
            }
        } catch (IOException | IllegalArgumentException e) {
            problem = "cannot read the frame map " + frameMap + ": " + e.getMessage();
        }
        return program.withFrameMap(map, problem);
    }

    private WasmProgram withFrameMap(FrameMap map, String problem) {
        return new WasmProgram(name, module, bindings, machines, imports, compileMillis, map, problem);
    }

    /**
     * Loads and compiles a program from its bytes.
     *
     * @param name the name used in messages
     * @param bytes the module
     * @param execution how functions execute
     * @return the program
     * @throws ProgramException if the bytes are not WebAssembly, or the module imports what Fastly does not provide
     */
    public static WasmProgram load(String name, byte[] bytes, Execution execution) {
        return load(name, bytes, execution, AbiImports.standard(), null);
    }

    static WasmProgram load(String name, byte[] bytes, Execution execution, AbiImports imports, Path compileCache) {
        if (bytes.length < 8 || bytes[0] != 0 || bytes[1] != 'a' || bytes[2] != 's' || bytes[3] != 'm') {
            throw new ProgramException(name + " is not a WebAssembly module");
        }
        WasmModule module;
        try {
            module = Parser.parse(bytes);
        } catch (ChicoryException e) {
            throw new ProgramException(name + " is not a valid WebAssembly module: " + e.getMessage(), e);
        }
        List<AbiImports.Binding> bindings = imports.link(module, name);
        long start = System.nanoTime();
        Function<Instance, Machine> machines;
        if (execution == Execution.COMPILED) {
            try {
                MachineFactoryCompiler.Builder compiler =
                        MachineFactoryCompiler.builder(module).withInterpreterFallback(InterpreterFallback.SILENT);
                if (compileCache != null) {
                    compiler.withCache(new CompileCache(compileCache));
                }
                machines = compiler.compile();
            } catch (RuntimeException e) {
                throw new ProgramException(name + " could not be compiled: " + e, e);
            }
        } else {
            machines = InterpreterMachine::new;
        }
        long millis = (System.nanoTime() - start) / 1_000_000L;
        return new WasmProgram(name, module, bindings, machines, imports, millis, null, null);
    }

    /** The program's file name. */
    public String name() {
        return name;
    }

    /** How long compiling took. */
    public long compileMillis() {
        return compileMillis;
    }

    /** The Fastly functions the program imports that the local server answers with {@code unsupported}. */
    public List<String> unsupportedImports() {
        List<String> out = new ArrayList<>();
        for (AbiImports.Binding b : bindings) {
            if (b.hostcall == Hostcall.UNSUPPORTED) {
                out.add(b.module + "." + b.name);
            }
        }
        return out;
    }

    /** The frame map that turns the program's call sites into Java frames, or null. */
    FrameMap frameMap() {
        return frameMap;
    }

    /** Whether the program has a frame map: its uncaught exceptions and traps are logged with Java frames. */
    public boolean hasFrameMap() {
        return frameMap != null;
    }

    /** Why a frame map beside the program was not used, or empty. */
    public java.util.Optional<String> frameMapProblem() {
        return java.util.Optional.ofNullable(frameMapProblem);
    }

    /** How many functions the program imports. */
    public int importCount() {
        return bindings.size();
    }

    /** How a run ended. */
    static final class Outcome {
        /** null when the program returned normally (or exited with 0). */
        final String failure;
        /** The Java frames live at a trap, one line each, when the program has a frame map. */
        final List<String> trace;

        Outcome(String failure) {
            this(failure, List.of());
        }

        Outcome(String failure, List<String> trace) {
            this.failure = failure;
            this.trace = List.copyOf(trace);
        }
    }

    /**
     * Runs the program once for a sandbox, on the calling thread: a fresh instance, its start function, then
     * {@code _start}. Never throws for the guest's faults: a trap, a non-zero exit or a host fault during a
     * hostcall becomes the outcome's failure.
     */
    Outcome run(Sandbox sandbox, Wasi wasi, ServerLog log) {
        Guest guest = new Guest(sandbox, log);
        guest.startClock();
        Instance[] instance = new Instance[1];
        try {
            instance[0] = instantiate(guest, wasi);
            guest.bind(instance[0]);
            ExportFunction start = instance[0].export("_start");
            start.apply();
            return new Outcome(null);
        } catch (WasiExitException e) {
            return e.exitCode() == 0 ? new Outcome(null) : new Outcome("the program exited with code " + e.exitCode());
        } catch (com.dylibso.chicory.runtime.ExecutionCompletedException e) {
            return new Outcome(null);
        } catch (StackOverflowError e) {
            return trapped(wasi, instance[0], "the program overflowed its stack");
        } catch (OutOfMemoryError e) {
            return new Outcome("the program ran out of memory");
        } catch (RuntimeException e) {
            return trapped(wasi, instance[0], describe(e));
        } finally {
            wasi.close();
        }
    }

    /** A trap's outcome, with the Java frames the program's shadow stack holds. */
    private static Outcome trapped(Wasi wasi, Instance instance, String failure) {
        wasi.traces().flush();
        GuestTraces.Trap trap = wasi.traces().trap(instance == null ? null : instance.memory());
        String why = trap.throwing ? failure + " (an exception no code caught ended the program)" : failure;
        return new Outcome(why, trap.lines);
    }

    private Instance instantiate(Guest guest, Wasi wasi) {
        Map<String, HostFunction> wasiFunctions = new HashMap<>();
        for (HostFunction f : wasi.functions()) {
            wasiFunctions.put(f.name(), f);
        }
        ImportValues.Builder values = ImportValues.builder();
        for (AbiImports.Binding b : bindings) {
            if (b.hostcall == null) {
                HostFunction f = wasiFunctions.get(b.name);
                if (f == null) {
                    f = new HostFunction(b.module, b.name, b.type, (inst, args) -> {
                        throw new com.dylibso.chicory.runtime.TrapException(
                                "WASI function " + b.name + " is not available");
                    });
                }
                values.addFunction(f);
            } else {
                Hostcall hostcall = b.hostcall;
                String where = b.module + "." + b.name;
                values.addFunction(new HostFunction(
                        b.module, b.name, b.type, (inst, args) -> call(guest, wasi, where, hostcall, inst, args)));
            }
        }
        return Instance.builder(module)
                .withImportValues(values.build())
                .withMachineFactory(machines)
                .withMemoryFactory(ByteArrayMemory::new)
                .withStart(false)
                .build();
    }

    private static long[] call(
            Guest guest, Wasi wasi, String where, Hostcall hostcall, Instance instance, long[] args) {
        // a trace the program printed is complete once it calls the host again
        wasi.traces().flush();
        guest.bind(instance);
        int status;
        try {
            status = hostcall.call(guest, args);
        } catch (GuestFault f) {
            guest.log()
                    .error("hostcall " + where + " failed with " + FastlyStatus.name(f.status()) + ": "
                            + f.getMessage());
            status = f.status();
        }
        return new long[] {status};
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        String kind = e instanceof com.dylibso.chicory.runtime.TrapException
                ? "the program trapped"
                : e instanceof ChicoryException
                        ? "the program failed"
                        : "the host failed (" + e.getClass().getName() + ")";
        return message == null ? kind : kind + ": " + message;
    }

    AbiImports imports() {
        return imports;
    }
}
