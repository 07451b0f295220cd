package io.github.computejava.server;

import io.github.computejava.host.HostEngine;
import io.github.computejava.host.config.ConfigException;
import io.github.computejava.host.config.LocalServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The local server's command line, compatible with Fastly's Viceroy so {@code fastly compute serve
 * --viceroy-path=...} can run it:
 *
 * <pre>
 * SERVER [serve] [-v] [-C fastly.toml] [--addr 127.0.0.1:7676] [--embedded-origin 127.0.0.1:7070]
 *        [--frames bin/main.wasm.frames.json] [--inspect 127.0.0.1:7677] [--watch] bin/main.wasm
 * SERVER trace [--frames bin/main.wasm.frames.json] bin/main.wasm &lt; log
 * SERVER --version
 * </pre>
 *
 * <p>{@code trace} rewrites a log the program wrote elsewhere (on Fastly, where its uncaught exceptions print call
 * site ids) with the Java frames of the build's frame map, from standard input to standard output.
 *
 * <p>The program's frame map (see {@link FrameMap}) is read from beside it unless {@code --frames} names another
 * file: with it, uncaught exceptions and traps are logged as Java stack traces.
 *
 * <p>Prints {@code Listening on http://ADDRESS} once it serves. {@code --inspect} serves the inspector's page on an
 * address of its own; {@code --watch} serves {@code main.wasm} (and its frame map) again whenever it is rewritten,
 * and reloads the manifest when it changes. A {@code -C} file that is missing or malformed is an
 * error before anything listens. Viceroy options it does not implement ({@code
 * --profile}, {@code --debug}, pushpin, logging endpoints on stdio) are accepted with a warning.
 */
public final class ServeCommand {
    static final String NAME = "compute-java-serve";

    private ServeCommand() {}

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        // Jetty logs through SLF4J; without a provider it would warn on every start
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        exitOnFatalErrors(System.err);
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The parsed command line. */
    static final class Options {
        int verbosity;
        Path config;
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 7676);
        InetSocketAddress embeddedOrigin;
        InetSocketAddress inspect;
        boolean watch;
        Path wasm;
        Path frames;
        boolean trace;
        boolean version;
        boolean help;
        boolean interpreter;
        boolean compileFirst;
        boolean compileCache = true;
        final List<String> ignored = new ArrayList<>();
        /** {@code --limit NAME=VALUE}, in order. */
        final List<String[]> limits = new ArrayList<>();

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> positional = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String value = null;
                int eq = a.indexOf('=');
                String flag = a;
                if (a.startsWith("--") && eq > 0) {
                    flag = a.substring(0, eq);
                    value = a.substring(eq + 1);
                }
                switch (flag) {
                    case "-V":
                    case "--version":
                        o.version = true;
                        break;
                    case "-h":
                    case "--help":
                        o.help = true;
                        break;
                    case "-C":
                    case "--config":
                        if (value == null) {
                            value = next(args, ++i, flag);
                        }
                        o.config = Path.of(value);
                        break;
                    case "--addr":
                        if (value == null) {
                            value = next(args, ++i, flag);
                        }
                        o.address = address(value, flag);
                        break;
                    case "--embedded-origin":
                        if (value == null) {
                            value = next(args, ++i, flag);
                        }
                        o.embeddedOrigin = address(value, flag);
                        break;
                    case "--inspect":
                        if (value == null) {
                            value = next(args, ++i, flag);
                        }
                        o.inspect = address(value, flag);
                        break;
                    case "--watch":
                        o.watch = true;
                        break;
                    case "--frames":
                        if (value == null) {
                            value = next(args, ++i, flag);
                        }
                        o.frames = Path.of(value);
                        break;
                    case "--interpreter":
                        o.interpreter = true;
                        break;
                    case "--compile-first":
                        o.compileFirst = true;
                        break;
                    case "--no-compile-cache":
                        o.compileCache = false;
                        break;
                    case "--limit":
                        if (value == null) {
                            value = next(args, ++i, flag);
                        }
                        int at = value.indexOf('=');
                        if (at <= 0) {
                            throw new UsageException("--limit must be NAME=VALUE, not " + value);
                        }
                        o.limits.add(new String[] {value.substring(0, at), value.substring(at + 1)});
                        break;
                    case "--debug":
                    case "--log-stdout":
                    case "--log-stderr":
                    case "--adapt":
                    case "--wasm-exceptions":
                    case "--wasm-gc":
                    case "--wasm-cm-gc":
                        o.ignored.add(a);
                        break;
                    case "--profile":
                    case "--local-pushpin-proxy-port":
                    case "--experimental_modules":
                    case "--unknown-import-behavior":
                        if (value == null) {
                            value = next(args, ++i, flag);
                        }
                        o.ignored.add(flag + "=" + value);
                        break;
                    default:
                        if (a.matches("-v+")) {
                            o.verbosity += a.length() - 1;
                        } else if (a.startsWith("-")) {
                            throw new UsageException("unknown option " + a);
                        } else {
                            positional.add(a);
                        }
                }
            }
            if (!positional.isEmpty() && positional.get(0).equals("serve")) {
                positional.remove(0);
            } else if (!positional.isEmpty() && positional.get(0).equals("trace")) {
                positional.remove(0);
                o.trace = true;
            }
            if (o.version || o.help) {
                return o;
            }
            if (positional.size() != 1) {
                throw new UsageException(
                        positional.isEmpty()
                                ? "the path of the program (main.wasm) is missing"
                                : "expected one program, got " + positional);
            }
            o.wasm = Path.of(positional.get(0));
            return o;
        }

        private static String next(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new UsageException(flag + " needs a value");
            }
            return args[i];
        }

        static InetSocketAddress address(String value, String flag) {
            int colon = value.lastIndexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new UsageException(flag + " must be HOST:PORT, not " + value);
            }
            String host = value.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            try {
                int port = Integer.parseInt(value.substring(colon + 1));
                if (port < 0 || port > 65535) {
                    throw new UsageException(flag + ": port out of range in " + value);
                }
                return new InetSocketAddress(host, port);
            } catch (NumberFormatException e) {
                throw new UsageException(flag + " must be HOST:PORT, not " + value);
            }
        }
    }

    /** A command line that cannot be run. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static String version() {
        return versions().getProperty("version", "0.0.0");
    }

    static String chicoryVersion() {
        return versions().getProperty("chicory.version", "unknown");
    }

    private static Properties versions() {
        Properties p = new Properties();
        try (InputStream in = ServeCommand.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // unknown version
        }
        return p;
    }

    static String usage() {
        return "Usage: " + NAME + " [serve] [-v] [-C fastly.toml] [--addr 127.0.0.1:7676]"
                + " [--embedded-origin 127.0.0.1:7070] [--frames FILE] [--limit NAME=VALUE]...\n"
                + "       [--inspect 127.0.0.1:7677] [--watch] [--interpreter | --compile-first]\n"
                + "       [--no-compile-cache] bin/main.wasm\n"
                + "       " + NAME + " trace [--frames FILE] bin/main.wasm < log\n"
                + "       " + NAME + " --version\n"
                + "Serves a Fastly Compute program locally (a drop-in for Fastly's Viceroy).\n";
    }

    /**
     * Runs the command line: serves until the process is stopped (the server closes in a shutdown hook).
     *
     * @param args the arguments, as {@link #main}'s
     * @param out where progress, {@code Listening on ...} and the program's output go
     * @param err where errors go
     * @return 0 after serving or printing the version, 1 when the program or configuration cannot be used, 2 for a
     *     bad command line
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /**
     * Runs the command line, {@code trace} reading the log from {@code in}.
     *
     * @param args the arguments, as {@link #main}'s
     * @param in the standard input
     * @param out where progress, {@code Listening on ...} and the program's output go
     * @param err where errors go
     * @return as {@link #run(String[], PrintStream, PrintStream)}
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(usage());
            return 2;
        }
        if (o.version) {
            out.println(NAME + " " + version());
            return 0;
        }
        if (o.help) {
            out.print(usage());
            return 0;
        }
        if (o.trace) {
            return trace(o, in, out, err);
        }
        ServeSession session;
        try {
            session = start(o, new ServerLog(out, err, o.verbosity), err);
        } catch (StartFailure f) {
            return f.status();
        }
        if (o.watch) {
            session.watchFiles();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(session::close));
        try {
            session.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return session.exitStatus();
    }

    /**
     * Starts serving as the command line says and returns at once, for a caller that drives the server itself (the
     * Maven plugin's {@code compute:serve}, which rebuilds the program and reloads it). {@code --watch} is left to the
     * caller ({@link ServeSession#watchFiles()}); {@code --version}, {@code --help} and {@code trace} are not accepted.
     *
     * @param args the arguments, as {@link #main}'s
     * @param out where progress, {@code Listening on ...} and the program's output go
     * @param err where errors go (already printed when this throws)
     * @return the running session; close it to stop
     * @throws StartFailure when the command line is bad (status 2) or the program or configuration cannot be used
     *     (status 1)
     */
    public static ServeSession open(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(usage());
            throw new StartFailure(2, e.getMessage());
        }
        if (o.version || o.help || o.trace) {
            throw new StartFailure(2, "--version, --help and trace do not serve");
        }
        return start(o, new ServerLog(out, err, o.verbosity), err);
    }

    /** Why the server could not start: already printed; {@link #status()} is the command line's exit status. */
    public static final class StartFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        StartFailure(int status, String message) {
            super(message);
            this.status = status;
        }

        /** 1 when the program or configuration cannot be used, 2 for a bad command line. */
        public int status() {
            return status;
        }
    }

    private static ServeSession start(Options o, ServerLog log, PrintStream err) {
        for (String ignored : o.ignored) {
            log.error("warning: " + ignored + " is not supported by " + NAME + " and is ignored");
        }
        EmbeddedOrigin origin = null;
        LocalServer server = null;
        java.util.concurrent.atomic.AtomicReference<ServeSession> session =
                new java.util.concurrent.atomic.AtomicReference<>();
        try {
            // a -C that names no file is a mistake, not a wish to serve without backends: refuse before listening,
            // as Viceroy does
            LocalServerConfig config = o.config == null ? LocalServerConfig.empty() : LocalServerConfig.read(o.config);
            for (String[] limit : o.limits) {
                try {
                    config = config.withLimit(limit[0], limit[1]);
                } catch (IllegalArgumentException e) {
                    err.println("error: --limit: " + e.getMessage());
                    err.print(usage());
                    throw new StartFailure(2, e.getMessage());
                }
            }
            if (o.embeddedOrigin != null) {
                origin = EmbeddedOrigin.start(o.embeddedOrigin);
                log.always("Embedded origin listening on " + origin.uri());
            }
            if (o.frames != null && !Files.isRegularFile(o.frames)) {
                throw new ProgramException("the frame map " + o.frames + " does not exist");
            }
            Path frames = o.frames != null ? o.frames : FrameMap.beside(o.wasm);
            // tiered unless told otherwise: the program serves at once, interpreted until its compiled code is ready
            WasmProgram.Execution execution = o.interpreter
                    ? WasmProgram.Execution.INTERPRETED
                    : o.compileFirst ? WasmProgram.Execution.COMPILED : WasmProgram.Execution.TIERED;
            Path compileCache = o.compileCache ? CompileCache.defaultDirectory() : null;
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(o.wasm);
            } catch (IOException e) {
                throw new ProgramException("cannot read " + o.wasm + ": " + e.getMessage(), e);
            }
            WasmProgram program = WasmProgram.load(o.wasm.toString(), bytes, frames, execution, compileCache);
            log.info("Loaded " + program.name() + " (" + program.importCount() + " imports) in "
                    + program.compileMillis() + " ms" + (program.hasFrameMap() ? ", with its frame map" : ""));
            program.frameMapProblem().ifPresent(problem -> log.error("warning: " + problem));
            reportCompilation(log, program, execution);
            List<String> unsupported = program.unsupportedImports();
            if (!unsupported.isEmpty()) {
                log.info("The program imports hostcalls this server answers with `unsupported`: "
                        + String.join(", ", unsupported));
            }
            LocalServer.Builder builder = LocalServer.builder()
                    .program(program)
                    .engine(config.applyTo(HostEngine.builder()))
                    .address(o.address)
                    .log(log)
                    // a server that no longer answers ends its session with a message instead of looking alive
                    .healthCheck(Duration.ofSeconds(5), why -> {
                        ServeSession running = session.get();
                        if (running != null) {
                            running.fail(why);
                        }
                    });
            // the server's own settings of [local_server.limits]
            Map<String, Long> settings = config.limitSettings();
            if (settings.containsKey("max_instances")) {
                builder.maxConcurrentGuests((int) Math.min(settings.get("max_instances"), Integer.MAX_VALUE));
            }
            if (settings.containsKey("queue_timeout_ms")) {
                builder.queueTimeout(Duration.ofMillis(settings.get("queue_timeout_ms")));
            }
            if (settings.containsKey("pooled_memories")) {
                builder.pooledMemories((int) Math.min(settings.get("pooled_memories"), Integer.MAX_VALUE));
            }
            if (settings.containsKey("pooled_instances")) {
                builder.pooledInstances((int) Math.min(settings.get("pooled_instances"), Integer.MAX_VALUE));
            }
            if (settings.containsKey("header_timeout_ms")) {
                builder.headerTimeout(Duration.ofMillis(settings.get("header_timeout_ms")));
            }
            if (o.inspect != null) {
                builder.inspector(o.inspect);
            }
            server = builder.build();
            server.start();
            log.always("Listening on " + server.uri());
            server.inspectorUri().ifPresent(uri -> log.always("Inspector on " + uri));
            session.set(new ServeSession(
                    log,
                    o.wasm,
                    frames,
                    o.config,
                    execution,
                    compileCache,
                    server,
                    origin,
                    ServeSession.digest(bytes)));
            // a tiered program is parsed while the server listens: a module that turns out invalid ends the session
            program.parsed().whenComplete((module, failure) -> {
                if (failure != null) {
                    session.get().fail(cause(failure).getMessage());
                }
            });
            return session.get();
        } catch (ProgramException | ConfigException | IOException e) {
            err.println("error: " + e.getMessage());
            close(server, origin);
            throw new StartFailure(1, e.getMessage());
        }
    }

    /**
     * Says when a tiered program's compiled code is in use (the bytecode compiled, or loaded from the compile
     * cache), or why it stays interpreted.
     */
    static void reportCompilation(ServerLog log, WasmProgram program, WasmProgram.Execution execution) {
        if (execution != WasmProgram.Execution.TIERED) {
            return;
        }
        program.compiled().whenComplete((millis, failure) -> {
            if (failure == null) {
                log.always("Compiled " + program.name() + " in " + millis + " ms; new instances run the compiled code");
            } else if (!program.parsed().isCompletedExceptionally()) {
                Throwable cause =
                        failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure;
                log.error("warning: " + cause.getMessage() + "; the program stays interpreted");
            }
        });
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
    }

    /**
     * A thread of the server that dies of an error (a program's instance never does: its failures end that
     * request): the server's state can no longer be trusted, so it says so and exits with status 1.
     */
    static void exitOnFatalErrors(PrintStream err) {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            err.println("error: the server's thread " + thread.getName() + " failed: " + e);
            if (e instanceof VirtualMachineError) {
                err.println("error: the server cannot go on; exiting");
                Runtime.getRuntime().halt(1);
            }
        });
    }

    /** {@code trace}: the log on {@code in} with its call site lines turned into Java frames. */
    private static int trace(Options o, InputStream in, PrintStream out, PrintStream err) {
        Path mapFile = o.frames != null ? o.frames : FrameMap.beside(o.wasm);
        try {
            FrameMap map = FrameMap.read(mapFile);
            if (!map.matches(java.nio.file.Files.readAllBytes(o.wasm))) {
                err.println("error: " + mapFile + " was written for another build of " + o.wasm);
                return 1;
            }
            GuestTraces.translate(
                    map,
                    new java.io.BufferedReader(
                            new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)),
                    out::println);
            out.flush();
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static void close(LocalServer server, EmbeddedOrigin origin) {
        if (server != null) {
            server.close();
        }
        if (origin != null) {
            origin.close();
        }
    }
}
