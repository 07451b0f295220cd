package io.github.computejava.plugin;

import io.github.computejava.server.FrameMap;
import io.github.computejava.server.ServeCommand;
import io.github.computejava.server.ServeSession;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Builds the project ({@code package}, which runs {@code compute:build}) and serves {@code bin/main.wasm} on the
 * local machine with the {@code [local_server]} section of {@code fastly.toml}, until stopped with Ctrl-C. While it
 * serves it watches the sources and {@code fastly.toml}: a saved source rebuilds {@code main.wasm} in this Maven
 * (see {@link MavenRebuild}) and the new program replaces the old one without closing the listening socket; the cache
 * survives, as across a deploy; a build that fails prints the compiler's error and the old program keeps serving. A
 * changed {@code fastly.toml} reloads backends and stores.
 *
 * <pre>
 * mvn compute:serve -Dcompute.embeddedOrigin=127.0.0.1:7070 -Dcompute.inspect=127.0.0.1:7677
 * </pre>
 */
@Mojo(name = "serve", threadSafe = false, requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
@Execute(phase = LifecyclePhase.PACKAGE)
public final class ServeMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Component
    private LifecycleExecutor lifecycle;

    @Component
    private BuildPluginManager plugins;

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

    /** Rebuilds and reloads the program when a source or {@code fastly.toml} changes. */
    @Parameter(property = "compute.watch", defaultValue = "true")
    private boolean watch;

    /**
     * Serves the inspector's page on this {@code HOST:PORT}: the last requests with their backend requests, cache
     * outcomes and log lines, the cache's objects (with purges) and the stores. Off unless set.
     */
    @Parameter(property = "compute.inspect")
    private String inspect;

    @Override
    public void execute() throws MojoFailureException, MojoExecutionException {
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
        if (inspect != null && !inspect.isBlank()) {
            args.add("--inspect");
            args.add(inspect.trim());
        }
        args.add(wasm.getPath());
        ServeSession serving;
        try {
            serving = ServeCommand.open(args.toArray(new String[0]), System.out, System.err);
        } catch (ServeCommand.StartFailure e) {
            throw new MojoFailureException("compute serve could not start (see the error above)");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(serving::close));
        try {
            if (watch) {
                MavenRebuild rebuild;
                try {
                    rebuild = MavenRebuild.plan(session, lifecycle, plugins, plugin, getLog());
                } catch (Exception e) {
                    throw new MojoExecutionException("cannot plan the rebuild of " + project.getId() + ": " + e, e);
                }
                getLog().debug("a change rebuilds with " + String.join(", ", rebuild.describe()));
                serving.watch(sources(), rebuild);
            } else {
                serving.awaitClose();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            serving.close();
        }
    }

    /** The project's source and resource directories, leaving out what the build itself writes. */
    private List<Path> sources() {
        Path output =
                Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize();
        List<Path> roots = new ArrayList<>();
        List<String> dirs = new ArrayList<>(project.getCompileSourceRoots());
        for (Resource r : project.getResources()) {
            dirs.add(r.getDirectory());
        }
        for (String d : dirs) {
            Path p = Path.of(d).toAbsolutePath().normalize();
            if (!p.startsWith(output) && !roots.contains(p)) {
                roots.add(p);
            }
        }
        return roots;
    }
}
