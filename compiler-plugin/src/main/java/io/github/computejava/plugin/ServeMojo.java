package io.github.computejava.plugin;

import io.github.computejava.server.FrameMap;
import io.github.computejava.server.ServeCommand;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the project ({@code package}, which runs {@code compute:build}) and serves {@code bin/main.wasm} on the
 * local machine with the {@code [local_server]} section of {@code fastly.toml}, until stopped with Ctrl-C.
 *
 * <pre>
 * mvn compute:serve -Dcompute.embeddedOrigin=127.0.0.1:7070
 * </pre>
 */
@Mojo(name = "serve", threadSafe = false)
@Execute(phase = LifecyclePhase.PACKAGE)
public final class ServeMojo extends AbstractMojo {
    /** The program to serve. */
    @Parameter(property = "compute.wasm", defaultValue = "${project.basedir}/bin/main.wasm")
    private File wasm;

    /** The project's Fastly manifest; its {@code [local_server]} section configures backends and stores. */
    @Parameter(property = "compute.manifest", defaultValue = "${project.basedir}/fastly.toml")
    private File manifest;

    /** Where to listen, {@code HOST:PORT}. */
    @Parameter(property = "compute.addr", defaultValue = "127.0.0.1:7676")
    private String addr;

    /**
     * Also starts the embedded demo origin on this {@code HOST:PORT} (an echo service for trying programs offline);
     * point a {@code [local_server.backends]} URL at it.
     */
    @Parameter(property = "compute.embeddedOrigin")
    private String embeddedOrigin;

    /**
     * The program's frame map, which turns the call sites of its uncaught exceptions and traps into Java stack
     * traces; by default the one the build writes beside {@code main.wasm}.
     */
    @Parameter(property = "compute.frames")
    private File frames;

    /** Logs a line per request. */
    @Parameter(property = "compute.verbose", defaultValue = "false")
    private boolean verbose;

    @Override
    public void execute() throws MojoFailureException {
        List<String> args = new ArrayList<>();
        if (verbose) {
            args.add("-v");
        }
        if (manifest.isFile()) {
            args.add("-C");
            args.add(manifest.getPath());
        }
        args.add("--addr");
        args.add(addr);
        if (embeddedOrigin != null && !embeddedOrigin.isBlank()) {
            args.add("--embedded-origin");
            args.add(embeddedOrigin.trim());
        }
        File map = frames != null ? frames : FrameMap.beside(wasm.toPath()).toFile();
        if (map.isFile()) {
            args.add("--frames");
            args.add(map.getPath());
        } else if (frames != null) {
            throw new MojoFailureException("compute.frames names no file: " + frames);
        }
        args.add(wasm.getPath());
        int status = ServeCommand.run(args.toArray(new String[0]), System.out, System.err);
        if (status != 0) {
            throw new MojoFailureException("compute serve could not start (see the error above)");
        }
    }
}
