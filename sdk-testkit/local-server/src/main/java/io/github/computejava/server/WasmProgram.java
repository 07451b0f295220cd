package io.github.computejava.server;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
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
import com.dylibso.chicory.wasm.types.CodeSection;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionSection;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ImportSection;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.MemorySection;
import com.dylibso.chicory.wasm.types.SectionId;
import com.dylibso.chicory.wasm.types.TypeSection;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.ByteBudget;
import io.github.computejava.host.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A Compute program ready to serve: parsed, checked against Fastly's ABI and compiled to JVM bytecode once (functions
 * too large for the JVM run in Chicory's interpreter). Every request gets a fresh instance, as on Fastly: new
 * globals, tables and data segments, and a linear memory that holds exactly the module's initial image (one an
 * earlier instance ended normally with is put back to it and reused, {@link GuestHeap.Pool}).
 */
public final class WasmProgram {
    /** How the program's functions execute. */
    public enum Execution {
        /** Compiled to JVM bytecode, falling back to the interpreter for functions the JVM cannot hold. */
        COMPILED,
        /** Interpreted (slower; no compile time). */
        INTERPRETED,
        /**
         * Interpreted from the first request while the program compiles (or its compiled code loads from the compile
         * cache) on a background thread; each instance started after that runs compiled code. A program serves at
         * once, whatever its size.
         */
        TIERED
    }

    private final String name;
    /** The module's declarations (types, imports, functions, memory, exports): all that the checks read. */
    private final WasmModule header;

    private final Code code;
    private final List<ImportTable.Binding> bindings;
    private final ImportTable imports;
    private final long compileMillis;
    private volatile GuestHeap.Pool memories;
    /** How much of a kept memory's grown pages it keeps for the next instance's growth. */
    private static final long KEPT_PAGES_BYTES = 32L << 20;
    /** How much the kept memories of a program may hold together, at most. */
    private static final long KEPT_BYTES = 256L << 20;

    private final FrameMap frameMap;
    private final String frameMapProblem;

    /**
     * The module and how its functions run, shared by a program and its copy with a frame map: a tiered program
     * fills them in from background threads.
     */
    private static final class Code {
        /** The whole module, once parsed and validated. */
        final CompletableFuture<WasmModule> module = new CompletableFuture<>();
        /** Completes (with the milliseconds it took) when the compiled code is in use. */
        final CompletableFuture<Long> compiled = new CompletableFuture<>();
        // replaced once by a tiered program's compiled code; an instance keeps the machine it started with
        volatile Function<Instance, Machine> machines;
        /** A tiered program: until {@link #compiled} completes, its instances run interpreted. */
        boolean tiered;

        Code(Function<Instance, Machine> machines) {
            this.machines = machines;
        }
    }

    private WasmProgram(
            String name,
            WasmModule header,
            Code code,
            List<ImportTable.Binding> bindings,
            ImportTable imports,
            long compileMillis,
            FrameMap frameMap,
            String frameMapProblem) {
        this.name = name;
        this.header = header;
        this.code = code;
        this.bindings = bindings;
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
        WasmProgram program = load(file, bytes, execution, ImportTable.standard(), compileCache);
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
        return new WasmProgram(name, header, code, bindings, imports, compileMillis, map, problem);
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
        return load(name, bytes, execution, ImportTable.standard(), null);
    }

    static WasmProgram load(String name, byte[] bytes, Execution execution, ImportTable imports, Path compileCache) {
        if (bytes.length < 8 || bytes[0] != 0 || bytes[1] != 'a' || bytes[2] != 's' || bytes[3] != 'm') {
            throw new ProgramException(name + " is not a WebAssembly module");
        }
        if (execution == Execution.TIERED) {
            return tiered(name, bytes, imports, compileCache);
        }
        WasmModule module;
        try {
            module = Parser.parse(bytes);
        } catch (ChicoryException e) {
            throw new ProgramException(name + " is not a valid WebAssembly module: " + e.getMessage(), e);
        }
        List<ImportTable.Binding> bindings = imports.link(module, name);
        checkExports(module, name);
        long start = System.nanoTime();
        Code code;
        long millis = 0;
        if (execution == Execution.INTERPRETED) {
            code = new Code(InterpreterMachine::new);
            code.compiled.complete(0L);
        } else {
            code = new Code(compile(name, module, compileCache));
            millis = (System.nanoTime() - start) / 1_000_000L;
            code.compiled.complete(millis);
        }
        code.module.complete(module);
        return new WasmProgram(name, module, code, bindings, imports, millis, null, null);
    }

    /**
     * A tiered program: its declarations are read and checked now (a few milliseconds whatever its size); the whole
     * module is parsed and validated on a background thread, instances wait for it and run interpreted until a
     * second thread has compiled it (or loaded its compiled code from the cache).
     */
    private static WasmProgram tiered(String name, byte[] bytes, ImportTable imports, Path compileCache) {
        WasmModule header = declarations(name, bytes);
        List<ImportTable.Binding> bindings = imports.link(header, name);
        checkExports(header, name);
        Code code = new Code(InterpreterMachine::new);
        code.tiered = true;
        WasmProgram program = new WasmProgram(name, header, code, bindings, imports, 0, null, null);
        long start = System.nanoTime();
        Thread parser = new Thread(
                () -> {
                    WasmModule module;
                    try {
                        module = Parser.parse(bytes);
                    } catch (ChicoryException | LinkageError e) {
                        ProgramException failure =
                                new ProgramException(name + " is not a valid WebAssembly module: " + e.getMessage(), e);
                        code.module.completeExceptionally(failure);
                        code.compiled.completeExceptionally(failure);
                        return;
                    }
                    code.module.complete(module);
                    try {
                        code.machines = compile(name, module, compileCache);
                        code.compiled.complete((System.nanoTime() - start) / 1_000_000L);
                    } catch (ProgramException | LinkageError e) {
                        code.compiled.completeExceptionally(e);
                    }
                },
                "compute-compile");
        parser.setDaemon(true);
        // serving requests comes first
        parser.setPriority(Thread.NORM_PRIORITY - 1);
        parser.start();
        return program;
    }

    /** The sections the checks read, parsed without the functions' code or the data. */
    private static WasmModule declarations(String name, byte[] bytes) {
        WasmModule.Builder b = WasmModule.builder().withValidation(false);
        int[] functions = {0};
        try {
            Parser.builder()
                    .includeSectionId(SectionId.TYPE)
                    .includeSectionId(SectionId.IMPORT)
                    .includeSectionId(SectionId.FUNCTION)
                    .includeSectionId(SectionId.MEMORY)
                    .includeSectionId(SectionId.EXPORT)
                    .build()
                    .parse(new java.io.ByteArrayInputStream(bytes), section -> {
                        if (section instanceof TypeSection) {
                            b.setTypeSection((TypeSection) section);
                        } else if (section instanceof ImportSection) {
                            b.setImportSection((ImportSection) section);
                        } else if (section instanceof FunctionSection) {
                            b.setFunctionSection((FunctionSection) section);
                            functions[0] = ((FunctionSection) section).functionCount();
                        } else if (section instanceof MemorySection) {
                            b.setMemorySection((MemorySection) section);
                        } else if (section instanceof ExportSection) {
                            b.setExportSection((ExportSection) section);
                        }
                    });
            // the module's own consistency check counts function bodies: empty ones stand in for the code
            CodeSection.Builder bodies = CodeSection.builder();
            FunctionBody empty = new FunctionBody(List.of(), List.of());
            for (int i = 0; i < functions[0]; i++) {
                bodies.addFunctionBody(empty);
            }
            b.setCodeSection(bodies.build());
            return b.build();
        } catch (ChicoryException e) {
            throw new ProgramException(name + " is not a valid WebAssembly module: " + e.getMessage(), e);
        }
    }

    private static Function<Instance, Machine> compile(String name, WasmModule module, Path compileCache) {
        try {
            MachineFactoryCompiler.Builder compiler =
                    MachineFactoryCompiler.builder(module).withInterpreterFallback(InterpreterFallback.SILENT);
            if (compileCache != null) {
                compiler.withCache(new CompileCache(compileCache));
            }
            return compiler.compile();
        } catch (RuntimeException e) {
            throw new ProgramException(name + " could not be compiled: " + e, e);
        }
    }

    /**
     * Refuses a module whose {@code _start} or {@code memory} export is missing or of the wrong kind, as Fastly
     * does at deploy time: {@code _start} must be a function without parameters or results, {@code memory} the
     * module's own memory.
     */
    private static void checkExports(WasmModule module, String name) {
        Export start = null;
        Export memory = null;
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            Export e = module.exportSection().getExport(i);
            if (e.name().equals("_start")) {
                start = e;
            } else if (e.name().equals("memory")) {
                memory = e;
            }
        }
        if (start == null || start.exportType() != ExternalType.FUNCTION) {
            throw new ProgramException(name + " does not export a function named _start, which Fastly runs for each"
                    + " request" + (start == null ? "" : " (its _start is a " + kind(start.exportType()) + ")"));
        }
        int imported = module.importSection().count(ExternalType.FUNCTION);
        int local = start.index() - imported;
        if (local >= 0 && local < module.functionSection().functionCount()) {
            FunctionType type = module.functionSection().getFunctionType(local, module.typeSection());
            if (!type.params().isEmpty() || !type.returns().isEmpty()) {
                throw new ProgramException(name + ": _start must take no parameters and return nothing, as Fastly"
                        + " calls it; it is " + type);
            }
        } else {
            throw new ProgramException(name + ": _start is an imported function, not the program's own");
        }
        if (memory == null || memory.exportType() != ExternalType.MEMORY) {
            throw new ProgramException(name + " does not export its linear memory as memory, which the host reads"
                    + " and writes" + (memory == null ? "" : " (its memory is a " + kind(memory.exportType()) + ")"));
        }
        if (module.importSection().count(ExternalType.MEMORY) > 0) {
            throw new ProgramException(name + " imports its memory; a Compute program defines and exports its own");
        }
    }

    private static String kind(ExternalType type) {
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Refuses a program whose memory cannot start within the heap limit: its initial memory is larger.
     *
     * @param heapBytes the heap limit, 0 for none
     * @throws ProgramException naming the sizes
     */
    void checkHeap(long heapBytes) {
        if (heapBytes <= 0 || header.memorySection().isEmpty()) {
            return;
        }
        MemoryLimits limits = header.memorySection().get().getMemory(0).limits();
        long initial = (long) limits.initialPages() * com.dylibso.chicory.runtime.Memory.PAGE_SIZE;
        if (initial > heapBytes) {
            throw new ProgramException(name + " declares " + (initial >> 20) + " MiB of initial memory ("
                    + limits.initialPages() + " pages), more than the heap limit of " + (heapBytes >> 20)
                    + " MiB (Fastly's 128 MiB unless limits.heap_mb says otherwise)");
        }
    }

    /** The program's file name. */
    public String name() {
        return name;
    }

    /** How long compiling took before the program could serve (0 for a tiered or interpreted program). */
    public long compileMillis() {
        return compileMillis;
    }

    /**
     * Completes with how long compiling took once the program's instances run compiled code (at once for a compiled
     * or interpreted program; when the background compilation ends for a tiered one, or exceptionally with a {@link
     * ProgramException} when it failed: the program is then interpreted).
     */
    public CompletableFuture<Long> compiled() {
        return code.compiled;
    }

    /**
     * Completes when the whole module is parsed and validated (at once unless the program is tiered), or
     * exceptionally with a {@link ProgramException} when it is not valid: its requests then fail with that reason.
     */
    public CompletableFuture<?> parsed() {
        return code.module;
    }

    /** The Fastly functions the program imports that the local server answers with {@code unsupported}. */
    public List<String> unsupportedImports() {
        List<String> out = new ArrayList<>();
        for (ImportTable.Binding b : bindings) {
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
        /** The status a client that has no response yet gets for the failure: 500, or 503 when the server is full. */
        int status = 500;
        /** The largest linear memory the instance had, -1 before it had one. */
        long heapBytes = -1;
        /** Why a memory growth failed because of a bound, or null. */
        String heapRefusal;
        /** CPU milliseconds the instance's thread used, -1 when unknown. */
        long cpuMillis = -1;

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
        return run(sandbox, wasi, log, 0, ByteBudget.unbounded("memory"), () -> null, 0, 0);
    }

    /**
     * {@link #run(Sandbox, Wasi, ServerLog)} with the instance's memory capped at {@code heapLimit} bytes (0 for no
     * cap) and drawn from {@code memoryBudget}; when the server ended the instance (its thread interrupted), {@code
     * endReason} says why and that is the outcome's failure. Up to {@code pooledMemories} memories of instances that
     * ended normally are kept, put back to the initial image, for the next instances (0: every instance gets a new
     * memory); the memory of an instance that failed, was ended or had a growth refused is never reused. Up to
     * {@code pooledInstances} whole instances that returned normally from {@code _start} are kept, put back to the
     * state they had when instantiated, for the next requests (0: every request instantiates the module).
     */
    Outcome run(
            Sandbox sandbox,
            Wasi wasi,
            ServerLog log,
            long heapLimit,
            ByteBudget memoryBudget,
            java.util.function.Supplier<String> endReason,
            int pooledMemories,
            int pooledInstances) {
        Guest guest = new Guest(sandbox, log);
        // an instance that starts interpreted while a tiered program compiles uses many times the CPU the
        // compiled code will: its CPU time is not measured, so it is not held against Fastly's CPU limit
        boolean warmingUp = code.tiered && !code.compiled.isDone();
        guest.startClock();
        GuestHeap[] heap = new GuestHeap[1];
        Instance[] instance = new Instance[1];
        Kept kept = null;
        boolean returned = false;
        Outcome outcome;
        boolean reusable = false;
        try {
            try {
                boolean keepable = pooledInstances > 0 && keepable();
                kept = keepable ? takeKept(heapLimit) : null;
                if (kept != null) {
                    try {
                        kept.heap.readmit(memoryBudget);
                    } catch (GuestHeap.OutOfBudget e) {
                        // still as instantiated: it waits for the next request
                        putKept(kept, pooledInstances, memoryBudget);
                        kept = null;
                        throw e;
                    }
                    heap[0] = kept.heap;
                    instance[0] = kept.instance;
                    kept.slot.guest = guest;
                    kept.slot.wasi = wasi;
                } else {
                    Slot slot = new Slot(guest, wasi);
                    Function<Instance, Machine> machines = code.machines;
                    instance[0] = instantiate(slot, machines, limits -> {
                        heap[0] = pooledMemories > 0 || keepable
                                ? memories(limits, heapLimit, pooledMemories, memoryBudget)
                                        .take(memoryBudget, keepable)
                                : GuestHeap.create(limits, heapLimit, memoryBudget);
                        return heap[0];
                    });
                    // an instance whose start function called the host may hold what that call answered
                    if (keepable && slot.calls == 0 && heap[0].refusal() == null) {
                        byte[][] image = keptImage(heap[0]);
                        if (image != null) {
                            kept = new Kept(instance[0], slot, heap[0], machines, image);
                        }
                    }
                }
                guest.bind(instance[0]);
                ExportFunction start = kept != null ? kept.start : instance[0].export("_start");
                start.apply();
                returned = true;
                outcome = new Outcome(null);
            } catch (WasiExitException e) {
                outcome = e.exitCode() == 0
                        ? new Outcome(null)
                        : new Outcome("the program exited with code " + e.exitCode());
            } catch (com.dylibso.chicory.runtime.ExecutionCompletedException e) {
                outcome = new Outcome(null);
            } catch (GuestHeap.OutOfBudget e) {
                outcome = new Outcome(e.getMessage());
                outcome.status = 503;
            } catch (ProgramException e) {
                outcome = new Outcome(e.getMessage());
            } catch (StackOverflowError e) {
                outcome = trapped(wasi, instance[0], "the program overflowed its stack");
            } catch (OutOfMemoryError e) {
                outcome = new Outcome("the program ran out of memory (the JVM's heap is full)");
            } catch (RuntimeException e) {
                outcome = trapped(wasi, instance[0], describe(e));
            } finally {
                wasi.close();
            }
            String ended = endReason.get();
            if (ended != null) {
                outcome = new Outcome(ended);
            }
            if (heap[0] != null) {
                outcome.heapBytes = heap[0].peakBytes();
                outcome.heapRefusal = heap[0].refusal();
            }
            reusable = outcome.failure == null && outcome.heapRefusal == null;
        } finally {
            // read before: a memory or an instance given back may serve another request at once
            if (kept != null) {
                kept.slot.guest = null;
                kept.slot.wasi = null;
                // only an instance whose _start returned: one that exited may have left its machine mid-call
                if (reusable
                        && returned
                        && kept.machines == code.machines
                        && roomForKept(pooledInstances)
                        && kept.restore()) {
                    // its memory's pages are back in the budget; dropped if the room was taken meanwhile
                    putKept(kept, pooledInstances, memoryBudget);
                    heap[0] = null;
                }
            }
            if (heap[0] != null) {
                heap[0].release(reusable);
            }
        }
        outcome.cpuMillis = warmingUp ? -1 : guest.cpuMillis();
        return outcome;
    }

    /**
     * Whether an instance of the module can be kept and put back to the state it had when instantiated, exactly: its
     * state is its globals, tables, element and data segments and one memory of its own. A module with exception
     * tags or garbage-collected (struct, array) types is instantiated for every request.
     */
    private boolean keepable() {
        Boolean known = keepable;
        if (known == null) {
            WasmModule module = code.module.getNow(null);
            if (module == null) {
                // a tiered program still parsing: decided once it is parsed
                return false;
            }
            known = module.tagSection().isEmpty()
                    && !declaresGcTypes(module)
                    && module.memorySection().map(m -> m.memoryCount() == 1).orElse(false)
                    && module.importSection().count(ExternalType.FUNCTION)
                            == module.importSection().importCount();
            keepable = known;
        }
        return known;
    }

    private volatile Boolean keepable;

    /** Whether the module declares struct or array types, whose objects Chicory keeps outside the instance's state. */
    private static boolean declaresGcTypes(WasmModule module) {
        com.dylibso.chicory.wasm.types.TypeSection types = module.typeSection();
        for (int i = 0; i < types.subTypeCount(); i++) {
            com.dylibso.chicory.wasm.types.CompType comp = types.getSubType(i).compType();
            if (comp != null && (comp.structType() != null || comp.arrayType() != null)) {
                return true;
            }
        }
        return false;
    }

    /** Instances kept for the next requests, most recently used first. */
    private final java.util.ArrayDeque<Kept> keptInstances = new java.util.ArrayDeque<>();

    private long keptBytes;
    private long instancesReused;
    private long instancesCreated;

    /** A kept instance for a request whose memory is capped at {@code heapLimit}, or null (a new one is made). */
    private Kept takeKept(long heapLimit) {
        synchronized (keptInstances) {
            Kept kept;
            while ((kept = keptInstances.pollFirst()) != null) {
                keptBytes -= kept.heap.heldBytes();
                // one made before the compiled code was in use, or for another heap limit, is dropped
                if (kept.machines == code.machines && kept.heap.limits(heapLimit)) {
                    instancesReused++;
                    return kept;
                }
            }
            instancesCreated++;
            return null;
        }
    }

    /**
     * The memory kept instances go back to, what the first of them held once instantiated (its start function run):
     * null until one was. Another instance is kept only if its memory holds the same, so a start function whose
     * effects vary from one instantiation to another leaves every request its own instance.
     */
    private volatile byte[][] keptImage;

    /** The memory a newly instantiated instance would be kept with, or null when it cannot be kept. */
    private byte[][] keptImage(GuestHeap heap) {
        byte[][] image = keptImage;
        if (image == null) {
            image = heap.imageNow();
            if (image == null) {
                return null;
            }
            synchronized (keptInstances) {
                if (keptImage == null) {
                    keptImage = image;
                }
                image = keptImage;
            }
        }
        if (!heap.holds(image)) {
            return null;
        }
        heap.startsAt(image);
        return image;
    }

    /** Whether a kept instance would find room now. */
    private boolean roomForKept(int capacity) {
        synchronized (keptInstances) {
            return keptInstances.size() < capacity;
        }
    }

    /** Keeps an instance put back to its initial state, when there is room; whether it was kept. */
    private boolean putKept(Kept kept, int capacity, ByteBudget budget) {
        long bytes = kept.heap.heldBytes();
        long capacityBytes = Math.min(KEPT_BYTES, budget.capacity() > 0 ? budget.capacity() / 4 : KEPT_BYTES);
        synchronized (keptInstances) {
            if (keptInstances.size() >= capacity || keptBytes + bytes > capacityBytes) {
                return false;
            }
            keptInstances.addFirst(kept);
            keptBytes += bytes;
            return true;
        }
    }

    /** How many kept instances wait for a request (tests). */
    int keptInstances() {
        synchronized (keptInstances) {
            return keptInstances.size();
        }
    }

    /** How many requests were served by a kept instance (tests). */
    long instancesReused() {
        synchronized (keptInstances) {
            return instancesReused;
        }
    }

    /** What an instance's host functions serve: the request running on it. */
    private static final class Slot {
        // handed over with the instance through the kept instances' lock
        Guest guest;
        Wasi wasi;
        /** How many hostcalls the instance made. */
        int calls;

        Slot(Guest guest, Wasi wasi) {
            this.guest = guest;
            this.wasi = wasi;
        }
    }

    /**
     * An instance that may serve more than one request, with the state it had when instantiated: its mutable globals,
     * its tables' contents, its element and data segments (which {@code elem.drop} and {@code data.drop} empty); its
     * memory goes back to the module's initial image through the dirty pages ({@link GuestHeap#keep()}).
     */
    private static final class Kept {
        final Instance instance;
        final Slot slot;
        final GuestHeap heap;
        final Function<Instance, Machine> machines;
        final ExportFunction start;
        private final byte[][] image;
        private final int firstGlobal;
        private final long[] globalLow;
        private final long[] globalHigh;
        private final int firstTable;
        private final int[][] tableRefs;
        private final Instance[][] tableOwners;
        private final com.dylibso.chicory.wasm.types.Element[] elements;
        private final com.dylibso.chicory.wasm.types.DataSegment[] segments;

        Kept(Instance instance, Slot slot, GuestHeap heap, Function<Instance, Machine> machines, byte[][] image) {
            this.image = image;
            this.instance = instance;
            this.slot = slot;
            this.heap = heap;
            this.machines = machines;
            this.start = instance.export("_start");
            firstGlobal = instance.imports().globalCount();
            int globals = instance.globalCount() - firstGlobal;
            globalLow = new long[globals];
            globalHigh = new long[globals];
            for (int i = 0; i < globals; i++) {
                com.dylibso.chicory.runtime.GlobalInstance g = instance.global(firstGlobal + i);
                globalLow[i] = g.getValueLow();
                globalHigh[i] = g.getValueHigh();
            }
            firstTable = instance.imports().tableCount();
            int tables = instance.tableCount() - firstTable;
            tableRefs = new int[tables][];
            tableOwners = new Instance[tables][];
            for (int i = 0; i < tables; i++) {
                com.dylibso.chicory.runtime.TableInstance t = instance.table(firstTable + i);
                int size = t.size();
                tableRefs[i] = new int[size];
                tableOwners[i] = new Instance[size];
                for (int j = 0; j < size; j++) {
                    tableRefs[i][j] = t.ref(j);
                    tableOwners[i][j] = t.instance(j);
                }
            }
            elements = new com.dylibso.chicory.wasm.types.Element[instance.elementCount()];
            for (int i = 0; i < elements.length; i++) {
                elements[i] = instance.element(i);
            }
            com.dylibso.chicory.wasm.types.DataSegment[] bound = heap.segments();
            segments = bound == null ? null : bound.clone();
        }

        /**
         * Puts the instance back to the state it had when instantiated; false when it cannot be (a table grew): the
         * instance is then dropped.
         */
        boolean restore() {
            for (int i = 0; i < tableRefs.length; i++) {
                if (instance.table(firstTable + i).size() != tableRefs[i].length) {
                    return false;
                }
            }
            com.dylibso.chicory.wasm.types.DataSegment[] bound = heap.segments();
            if ((bound == null) != (segments == null) || (bound != null && bound.length != segments.length)) {
                return false;
            }
            heap.keep(image);
            for (int i = 0; i < globalLow.length; i++) {
                com.dylibso.chicory.runtime.GlobalInstance g = instance.global(firstGlobal + i);
                g.setValueLow(globalLow[i]);
                g.setValueHigh(globalHigh[i]);
            }
            for (int i = 0; i < tableRefs.length; i++) {
                com.dylibso.chicory.runtime.TableInstance t = instance.table(firstTable + i);
                int[] refs = tableRefs[i];
                Instance[] owners = tableOwners[i];
                for (int j = 0; j < refs.length; j++) {
                    if (t.ref(j) != refs[j] || t.instance(j) != owners[j]) {
                        t.setRef(j, refs[j], owners[j]);
                    }
                }
            }
            for (int i = 0; i < elements.length; i++) {
                if (instance.element(i) != elements[i]) {
                    instance.setElement(i, elements[i]);
                }
            }
            if (bound != null) {
                System.arraycopy(segments, 0, bound, 0, segments.length);
            }
            return true;
        }
    }

    /** The pool of this program's memories for instances capped at {@code heapLimit}. */
    private GuestHeap.Pool memories(MemoryLimits declared, long heapLimit, int capacity, ByteBudget budget) {
        GuestHeap.Pool pool = memories;
        if (pool == null || !pool.limits(heapLimit)) {
            synchronized (this) {
                pool = memories;
                if (pool == null || !pool.limits(heapLimit)) {
                    // kept memories hold at most a quarter of the server's memory for programs, and 256 MiB
                    long bytes = Math.min(KEPT_BYTES, budget.capacity() > 0 ? budget.capacity() / 4 : KEPT_BYTES);
                    pool = new GuestHeap.Pool(declared, heapLimit, capacity, bytes, KEPT_PAGES_BYTES);
                    memories = pool;
                }
            }
        }
        return pool;
    }

    /** The pool of memories, or null before an instance used one (tests). */
    GuestHeap.Pool memoryPool() {
        return memories;
    }

    /** A trap's outcome, with the Java frames the program's shadow stack holds. */
    private static Outcome trapped(Wasi wasi, Instance instance, String failure) {
        wasi.traces().flush();
        GuestTraces.Trap trap = wasi.traces().trap(instance == null ? null : instance.memory());
        String why = trap.throwing ? failure + " (an exception no code caught ended the program)" : failure;
        return new Outcome(why, trap.lines);
    }

    private Instance instantiate(
            Slot slot,
            Function<Instance, Machine> machines,
            java.util.function.Function<MemoryLimits, com.dylibso.chicory.runtime.Memory> memory) {
        ImportValues.Builder values = ImportValues.builder();
        for (ImportTable.Binding b : bindings) {
            String name = b.name;
            if (b.hostcall == null) {
                values.addFunction(new HostFunction(b.module, name, b.type, (inst, args) -> {
                    slot.calls++;
                    return slot.wasi.call(name, inst, args);
                }));
            } else {
                Hostcall hostcall = b.hostcall;
                String where = b.module + "." + b.name;
                values.addFunction(new HostFunction(b.module, name, b.type, (inst, args) -> {
                    slot.calls++;
                    return call(slot.guest, slot.wasi, where, hostcall, inst, args);
                }));
            }
        }
        WasmModule module = code.module.getNow(null);
        if (module == null) {
            module = awaitModule();
        }
        return Instance.builder(module)
                .withImportValues(values.build())
                .withMachineFactory(machines)
                .withMemoryFactory(memory)
                .withStart(false)
                .build();
    }

    /** Waits for a tiered program's module (its first requests arrive while it is parsed). */
    private WasmModule awaitModule() {
        try {
            return code.module.get();
        } catch (InterruptedException e) {
            // the server ended the instance; its reason is the outcome
            Thread.currentThread().interrupt();
            throw new ProgramException(name + " was still loading when the instance was ended");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof ProgramException
                    ? (ProgramException) e.getCause()
                    : new ProgramException(name + " could not be loaded: " + e.getCause(), e.getCause());
        }
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

    ImportTable imports() {
        return imports;
    }
}
