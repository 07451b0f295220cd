package io.github.computejava.server;

import io.github.computejava.host.HostEngine;
import io.github.computejava.host.config.ConfigException;
import io.github.computejava.host.config.LocalServerConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;

/**
 * A local server started from its command line ({@link ServeCommand#open}), with what a development loop needs: the
 * program file and the manifest it was started from can be read again while it serves. A new {@code main.wasm}
 * replaces the program without closing the listening socket (requests in flight finish on the old one, the cache
 * stays); a new {@code fastly.toml} replaces backends and stores. A file that cannot be used is reported and the
 * server keeps serving what it had.
 */
public final class ServeSession implements AutoCloseable {
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(250);

    private final ServerLog log;
    private final Path wasm;
    private final Path frames;
    private final Path manifest;
    private final WasmProgram.Execution execution;
    private final Path compileCache;
    private final LocalServer server;
    private final EmbeddedOrigin origin;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile int exitStatus;
    private byte[] servedDigest;
    private final Set<Thread> watchers = new HashSet<>();

    ServeSession(
            ServerLog log,
            Path wasm,
            Path frames,
            Path manifest,
            WasmProgram.Execution execution,
            Path compileCache,
            LocalServer server,
            EmbeddedOrigin origin,
            byte[] servedDigest) {
        this.log = log;
        this.wasm = wasm;
        this.frames = frames;
        this.manifest = manifest;
        this.execution = execution;
        this.compileCache = compileCache;
        this.server = server;
        this.origin = origin;
        this.servedDigest = servedDigest;
    }

    /** The running server. */
    public LocalServer server() {
        return server;
    }

    /** The program file it serves, as given on the command line. */
    public Path wasm() {
        return wasm;
    }

    /** The manifest given with {@code -C}, if any. */
    public Optional<Path> manifest() {
        return Optional.ofNullable(manifest);
    }

    /** The inspector's page, when {@code --inspect} was given. */
    public Optional<URI> inspectorUri() {
        return server.inspectorUri();
    }

    /**
     * Reads the program file (and its frame map) again and serves it from now on, if it differs from the one served. A file that is
     * missing (a build in progress removes it first) or that cannot be loaded is reported, and the server keeps
     * serving the program it had.
     *
     * @return true when the file's program is served (newly or already), false when it could not be used
     */
    public synchronized boolean reloadProgram() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(wasm);
        } catch (NoSuchFileException e) {
            log.always(wasm + " is missing; still serving version " + server.programVersion());
            return false;
        } catch (IOException e) {
            log.error("error: cannot read " + wasm + ": " + e.getMessage() + "; still serving version "
                    + server.programVersion());
            return false;
        }
        byte[] digest = digest(bytes);
        if (Arrays.equals(digest, servedDigest)) {
            return true;
        }
        long started = System.nanoTime();
        WasmProgram next;
        try {
            next = WasmProgram.load(wasm.toString(), bytes, frames, execution, compileCache);
            // a tiered program replaces the served one once it is parsed and valid (it compiles while it serves)
            next.parsed().join();
        } catch (java.util.concurrent.CompletionException e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            log.error("error: " + why + "; still serving version " + server.programVersion());
            return false;
        } catch (ProgramException e) {
            log.error("error: " + e.getMessage() + "; still serving version " + server.programVersion());
            return false;
        }
        next.frameMapProblem().ifPresent(problem -> log.error("warning: " + problem));
        ServeCommand.reportCompilation(log, next, execution);
        server.replaceProgram(next);
        servedDigest = digest;
        log.always("Serving " + wasm + " (version " + server.programVersion() + ", loaded in "
                + (System.nanoTime() - started) / 1_000_000L + " ms)");
        return true;
    }

    /**
     * Reads the manifest again and gives the engine its backends and stores (the cache stays). A manifest that
     * cannot be read is reported, and the server keeps the configuration it had.
     *
     * @return true when the manifest's configuration is in use, false when it could not be read (or there is none)
     */
    public synchronized boolean reloadManifest() {
        if (manifest == null) {
            return false;
        }
        LocalServerConfig config;
        try {
            config = LocalServerConfig.read(manifest);
        } catch (ConfigException e) {
            log.error("error: " + e.getMessage() + "; keeping the previous configuration");
            return false;
        }
        server.engine().redefine(config.applyTo(HostEngine.builder()));
        log.always("Reloaded " + manifest + " (" + config.backends().size() + " backends, "
                + (config.configStores().size()
                        + config.kvStores().size()
                        + config.secretStores().size())
                + " stores)");
        return true;
    }

    /**
     * How {@link #watch} builds the program again after its sources changed.
     */
    @FunctionalInterface
    public interface Rebuild {
        /**
         * Builds {@code main.wasm} again (writing the session's program file), printing the build's own errors.
         *
         * @param changed the sources that changed
         * @return true when the build wrote a new program, false when it failed
         * @throws InterruptedException if interrupted (the session is closing)
         */
        boolean run(Set<Path> changed) throws InterruptedException;
    }

    /**
     * Watches the program file and the manifest, and reloads each when it changes ({@code --watch}), on a thread of
     * its own: whatever rebuilds {@code main.wasm} (a {@code mvn package} in another terminal, {@code fastly compute
     * build}) is served once it is written.
     */
    public synchronized void watchFiles() {
        // the files' state is taken now, so a change made as soon as this returns is seen
        FileWatcher changes = watcher(List.of());
        Thread t = new Thread(
                () -> {
                    try {
                        watch(changes, null);
                    } catch (InterruptedException e) {
                        // closed
                    }
                },
                "compute-watch");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Watches sources, the manifest and the program file on the calling thread until the session closes: a changed
     * source runs {@code rebuild} (a failed build leaves the old program serving; the build prints why) and serves
     * its program; a changed manifest is reloaded; a program file written by anything else is served.
     *
     * @param sources files and directories the program is built from (an empty list when there is no build)
     * @param rebuild builds the program again, or null when there is no build
     * @throws InterruptedException if the thread is interrupted (as {@link #close()} does)
     */
    public void watch(List<Path> sources, Rebuild rebuild) throws InterruptedException {
        watch(watcher(sources), rebuild);
    }

    private FileWatcher watcher(List<Path> sources) {
        List<Path> files = new ArrayList<>(sources);
        files.add(wasm);
        if (frames != null) {
            files.add(frames);
        }
        if (manifest != null) {
            files.add(manifest);
        }
        FileWatcher changes = new FileWatcher(files, WATCH_INTERVAL);
        log.always("Watching "
                + String.join(", ", files.stream().map(Path::toString).toList()) + " for changes");
        return changes;
    }

    private void watch(FileWatcher changes, Rebuild rebuild) throws InterruptedException {
        synchronized (this) {
            if (closed.getCount() == 0) {
                return;
            }
            watchers.add(Thread.currentThread());
        }
        try {
            while (true) {
                Set<Path> changed = new TreeSet<>(changes.awaitChanges());
                long started = System.nanoTime();
                if (manifest != null && changed.remove(manifest)) {
                    reloadManifest();
                }
                // the build writes the frame map right after main.wasm: either tells that a new program is there
                boolean wasmChanged = changed.remove(wasm) | (frames != null && changed.remove(frames));
                if (!changed.isEmpty() && rebuild != null) {
                    log.always("Rebuilding after a change to "
                            + String.join(
                                    ", ", changed.stream().map(Path::toString).toList()));
                    if (!rebuild.run(changed)) {
                        log.error("error: the build failed; still serving version " + server.programVersion());
                    } else if (reloadProgram()) {
                        log.always("Rebuilt and serving version " + server.programVersion() + " "
                                + (System.nanoTime() - started) / 1_000_000L + " ms after the change was seen");
                    }
                } else if (wasmChanged) {
                    reloadProgram();
                }
            }
        } finally {
            synchronized (this) {
                watchers.remove(Thread.currentThread());
            }
        }
    }

    /**
     * Waits until the session is closed (by {@link #close()}, say from a shutdown hook).
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /**
     * Ends the session because the server cannot go on (it no longer answers): says why and closes, and the command
     * line exits with {@link #exitStatus()} 1.
     *
     * @param why what went wrong
     */
    public void fail(String why) {
        log.error("error: " + why + "; exiting");
        exitStatus = 1;
        close();
    }

    /** 0, or 1 when the session ended by {@link #fail}. */
    public int exitStatus() {
        return exitStatus;
    }

    /** Stops watching and serving; the embedded origin stops too. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed.getCount() == 0) {
                return;
            }
            closed.countDown();
            watchers.forEach(Thread::interrupt);
        }
        server.close();
        if (origin != null) {
            origin.close();
        }
    }

    static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
