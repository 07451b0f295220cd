package io.github.computejava.plugin;

import io.github.computejava.abi.AbiSignatures;
import io.github.computejava.abi.LinkRule;
import io.github.computejava.server.FrameMap;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Compiles a Compute program to {@code main.wasm}: TeaVM for WASI, then the ABI check. The output file is
 * written only when every check passes; a failed build leaves no {@code main.wasm} behind.
 */
public final class WasmBuild {
    /** TeaVM's optimisation levels. */
    public enum Optimization {
        SIMPLE,
        ADVANCED,
        FULL
    }

    /**
     * Initial heap: a fresh instance pays for it on every request, so keep it small; TeaVM grows the heap on
     * demand up to {@link #DEFAULT_MAX_HEAP}.
     */
    public static final int DEFAULT_MIN_HEAP = 1024 * 1024;

    /** Largest heap, matching Fastly's per-request memory limit of 128 MiB. */
    public static final int DEFAULT_MAX_HEAP = 128 * 1024 * 1024;

    private static final String COMPILER = "io.github.computejava.plugin.teavm.TeaVmCompiler";
    private static final Map<List<Path>, ClassLoader> TOOL_LOADERS = new ConcurrentHashMap<>();

    private final String mainClass;
    private final List<Path> classpath;
    private final List<Path> toolClasspath;
    private final Path output;
    private final Path workDirectory;
    private final int minHeapSize;
    private final int maxHeapSize;
    private final Optimization optimization;
    private final Consumer<String> log;

    private WasmBuild(Builder b) {
        this.mainClass = b.mainClass;
        this.classpath = List.copyOf(b.classpath);
        this.toolClasspath = List.copyOf(b.toolClasspath);
        this.output = b.output;
        this.workDirectory = b.workDirectory;
        this.minHeapSize = b.minHeapSize;
        this.maxHeapSize = b.maxHeapSize;
        this.optimization = b.optimization;
        this.log = b.log;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where {@code main.wasm} is written. */
    Path output() {
        return output;
    }

    /** What a successful build produced. */
    public static final class Result {
        private final Path wasm;
        private final long size;
        private final List<ImportCheck.ModuleImport> imports;
        private final List<String> warnings;
        private final Path frameMap;

        Result(Path wasm, long size, List<ImportCheck.ModuleImport> imports, List<String> warnings, Path frameMap) {
            this.wasm = wasm;
            this.size = size;
            this.imports = imports;
            this.warnings = warnings;
            this.frameMap = frameMap;
        }

        /** The frame map written beside {@code main.wasm}, or empty when TeaVM gave none. */
        public Optional<Path> frameMap() {
            return Optional.ofNullable(frameMap);
        }

        public Path wasm() {
            return wasm;
        }

        public long size() {
            return size;
        }

        public List<ImportCheck.ModuleImport> imports() {
            return imports;
        }

        public List<String> warnings() {
            return warnings;
        }
    }

    /**
     * Runs the build.
     *
     * @throws BuildException when the program does not compile or would not link on Fastly
     * @throws IOException when files cannot be written
     */
    public Result run() throws IOException {
        Files.deleteIfExists(output);
        Path frameMap = FrameMap.beside(output);
        Files.deleteIfExists(frameMap);
        Path teavmOut = workDirectory.resolve("teavm");
        Files.createDirectories(teavmOut);
        Path compiled = teavmOut.resolve("main.wasm");
        Files.deleteIfExists(compiled);

        long started = System.nanoTime();
        Map<String, Object> result = compile(teavmOut);
        @SuppressWarnings("unchecked")
        List<String> errors = (List<String>) result.get("errors");
        @SuppressWarnings("unchecked")
        List<String> warnings = (List<String>) result.get("warnings");
        @SuppressWarnings("unchecked")
        Map<String, List<String>> sources = (Map<String, List<String>>) result.get("importSources");
        for (String warning : warnings) {
            log.accept("warning: " + warning);
        }
        if (!errors.isEmpty()) {
            throw new BuildException("TeaVM could not compile " + mainClass + ":\n  " + String.join("\n  ", errors));
        }
        if (!Files.isRegularFile(compiled)) {
            throw new BuildException("TeaVM produced no main.wasm for " + mainClass);
        }
        byte[] wasm = ExportTrim.keepOnly(Files.readAllBytes(compiled), LinkRule.HOST_EXPORTS);
        List<String> problems = new ImportCheck(AbiSignatures.load()).problems(wasm, sources);
        if (!problems.isEmpty()) {
            throw new BuildException("main.wasm would not run on Fastly:\n  " + String.join("\n  ", problems)
                    + "\n(no bin/main.wasm was written)");
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(output.toAbsolutePath().getParent(), "main", ".wasm.tmp");
        try {
            Files.write(temp, wasm);
            PackageWriter.makeReadable(temp);
            Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> frames = (Map<String, Object>) result.get("frames");
        if (frames != null) {
            frameMap(wasm, frames).write(frameMap);
        } else {
            frameMap = null;
        }
        log.accept("compiled " + mainClass + " to " + output + " (" + wasm.length + " bytes, "
                + (System.nanoTime() - started) / 1_000_000 + " ms)");
        return new Result(output, wasm.length, ImportCheck.imports(wasm), warnings, frameMap);
    }

    /** The frame map from what the compiler reported (see {@code TeaVmCompiler.frames}). */
    private static FrameMap frameMap(byte[] wasm, Map<String, Object> frames) {
        List<FrameMap.Method> methods = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<List<Object>> reported = (List<List<Object>>) frames.get("methods");
        for (List<Object> m : reported) {
            methods.add(
                    new FrameMap.Method((String) m.get(0), (String) m.get(1), (String) m.get(2), (Boolean) m.get(3)));
        }
        @SuppressWarnings("unchecked")
        List<int[]> callSites = (List<int[]>) frames.get("callSites");
        return new FrameMap(
                FrameMap.sha256(wasm),
                methods,
                callSites,
                (Integer) frames.get("stackTop"),
                (Integer) frames.get("stackBase"),
                (Integer) frames.get("pendingException"));
    }

    private Map<String, Object> compile(Path teavmOut) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (Path p : classpath) {
            urls.add(url(p));
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("mainClass", mainClass);
        args.put("outputDirectory", teavmOut.toString());
        args.put("minHeapSize", minHeapSize);
        args.put("maxHeapSize", maxHeapSize);
        args.put("optimization", optimization.name());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        ClassLoader tools = toolLoader(toolClasspath);
        // the program's classes come first, then TeaVM; nothing leaks in from the caller's class path
        try (URLClassLoader program = new ProgramClassLoader(urls.toArray(new URL[0]), tools)) {
            args.put("classLoader", program);
            Thread.currentThread().setContextClassLoader(program);
            // found among the tools, unless the program's class path brings its own (the plugin's tests)
            Method compile = Class.forName(COMPILER, true, program).getMethod("compile", Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) compile.invoke(null, args);
            return result;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new BuildException("TeaVM failed on " + mainClass + ": " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the TeaVM compiler is missing from the plugin's class path", e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * TeaVM and this plugin's compiler classes, loaded once per tool class path and kept: a second build in the same
     * JVM (a rebuild while {@code compute:serve} runs, the plugin's own tests) finds TeaVM loaded and compiled by the
     * JIT, which makes it several times faster than the first.
     */
    private static ClassLoader toolLoader(List<Path> toolClasspath) {
        return TOOL_LOADERS.computeIfAbsent(toolClasspath, paths -> {
            List<URL> urls = new ArrayList<>();
            for (Path p : paths) {
                urls.add(url(p));
            }
            return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        });
    }

    /**
     * The program being compiled: the JDK's platform classes first, then the program's class path, then TeaVM's
     * (the tool loader, its parent), so the program's own classes win over a TeaVM dependency of the same name.
     */
    private static final class ProgramClassLoader extends URLClassLoader {
        private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

        ProgramClassLoader(URL[] urls, ClassLoader tools) {
            super(urls, tools);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try {
                        c = PLATFORM.loadClass(name);
                    } catch (ClassNotFoundException notPlatform) {
                        try {
                            c = findClass(name);
                        } catch (ClassNotFoundException notProgram) {
                            c = getParent().loadClass(name);
                        }
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        public URL getResource(String name) {
            URL url = PLATFORM.getResource(name);
            if (url == null) {
                url = findResource(name);
            }
            return url != null ? url : getParent().getResource(name);
        }

        @Override
        public java.util.Enumeration<URL> getResources(String name) throws IOException {
            List<URL> all = new ArrayList<>(Collections.list(PLATFORM.getResources(name)));
            all.addAll(Collections.list(findResources(name)));
            all.addAll(Collections.list(getParent().getResources(name)));
            return Collections.enumeration(all);
        }
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad class path entry " + p, e);
        }
    }

    /** Builds a {@link WasmBuild}; {@link #build()} rejects a missing or inconsistent setting. */
    public static final class Builder {
        private String mainClass;
        private List<Path> classpath = List.of();
        private List<Path> toolClasspath = List.of();
        private Path output;
        private Path workDirectory;
        private int minHeapSize = DEFAULT_MIN_HEAP;
        private int maxHeapSize = DEFAULT_MAX_HEAP;
        private Optimization optimization = Optimization.ADVANCED;
        private Consumer<String> log = message -> {};

        private Builder() {}

        /** The class whose {@code main} calls {@code Compute.serve}. */
        public Builder mainClass(String mainClass) {
            this.mainClass = Objects.requireNonNull(mainClass, "mainClass");
            return this;
        }

        /** The program: its classes and runtime dependencies (the SDK among them). */
        public Builder classpath(List<Path> classpath) {
            this.classpath = Objects.requireNonNull(classpath, "classpath");
            return this;
        }

        /** TeaVM and this plugin's compiler classes. */
        public Builder toolClasspath(List<Path> toolClasspath) {
            this.toolClasspath = Objects.requireNonNull(toolClasspath, "toolClasspath");
            return this;
        }

        /** Where {@code main.wasm} goes, normally {@code bin/main.wasm} of the project. */
        public Builder output(Path output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        /** Scratch space, normally {@code target/compute}. */
        public Builder workDirectory(Path workDirectory) {
            this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
            return this;
        }

        public Builder minHeapSize(int bytes) {
            this.minHeapSize = bytes;
            return this;
        }

        public Builder maxHeapSize(int bytes) {
            this.maxHeapSize = bytes;
            return this;
        }

        public Builder optimization(Optimization optimization) {
            this.optimization = Objects.requireNonNull(optimization, "optimization");
            return this;
        }

        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /**
         * The build.
         *
         * @throws IllegalArgumentException when a setting is missing or out of range
         */
        public WasmBuild build() {
            if (mainClass == null || mainClass.isBlank()) {
                throw new IllegalArgumentException("mainClass: required (the class whose main calls Compute.serve)");
            }
            if (output == null) {
                throw new IllegalArgumentException("output: required");
            }
            if (workDirectory == null) {
                throw new IllegalArgumentException("workDirectory: required");
            }
            if (minHeapSize < 64 * 1024) {
                throw new IllegalArgumentException("minHeapSize: at least 64 KiB, got " + minHeapSize);
            }
            if (maxHeapSize < minHeapSize) {
                throw new IllegalArgumentException(
                        "maxHeapSize: must be at least minHeapSize (" + minHeapSize + "), got " + maxHeapSize);
            }
            return new WasmBuild(this);
        }
    }
}
