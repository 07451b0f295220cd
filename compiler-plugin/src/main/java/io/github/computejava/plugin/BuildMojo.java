package io.github.computejava.plugin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Compiles the project to {@code bin/main.wasm} and packs {@code pkg/<name>.tar.gz} for {@code fastly compute
 * deploy}.
 */
@Mojo(
        name = "build",
        defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public final class BuildMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    /** The class whose {@code main} calls {@code Compute.serve}. */
    @Parameter(property = "compute.mainClass", required = true)
    private String mainClass;

    /** The project's Fastly manifest. */
    @Parameter(property = "compute.manifest", defaultValue = "${project.basedir}/fastly.toml")
    private File manifest;

    /** Where {@code main.wasm} is written; Fastly's CLI expects {@code bin/main.wasm}. */
    @Parameter(property = "compute.wasm", defaultValue = "${project.basedir}/bin/main.wasm")
    private File wasm;

    /** Where the package is written. */
    @Parameter(property = "compute.packageDirectory", defaultValue = "${project.basedir}/pkg")
    private File packageDirectory;

    /** Initial heap in bytes; every request pays for it on a fresh instance. */
    @Parameter(property = "compute.minHeapSize", defaultValue = "1048576")
    private int minHeapSize;

    /** Largest heap in bytes. */
    @Parameter(property = "compute.maxHeapSize", defaultValue = "134217728")
    private int maxHeapSize;

    /** TeaVM optimisation: SIMPLE, ADVANCED or FULL. */
    @Parameter(property = "compute.optimization", defaultValue = "ADVANCED")
    private String optimization;

    /** Skips the build. */
    @Parameter(property = "compute.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("compute build skipped");
            return;
        }
        try {
            ProjectBuild.removeOutputs(wasm.toPath(), packageDirectory.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot remove the previous build's outputs: " + e.getMessage(), e);
        }
        WasmBuild.Optimization level;
        try {
            level = WasmBuild.Optimization.valueOf(optimization.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("optimization must be SIMPLE, ADVANCED or FULL, not " + optimization);
        }
        try {
            WasmBuild build = WasmBuild.builder()
                    .mainClass(mainClass)
                    .classpath(programClasspath())
                    .toolClasspath(toolClasspath(plugin))
                    .output(wasm.toPath())
                    .workDirectory(Path.of(project.getBuild().getDirectory(), "compute"))
                    .minHeapSize(minHeapSize)
                    .maxHeapSize(maxHeapSize)
                    .optimization(level)
                    .log(getLog()::info)
                    .build();
            Path pkg = new ProjectBuild(manifest.toPath(), build, packageDirectory.toPath()).run();
            getLog().info("packed " + pkg);
            Path launcher = Path.of(project.getBuild().getDirectory(), ServerLauncher.NAME);
            ServerLauncher.write(launcher, serverClasspath(plugin), Path.of(System.getProperty("java.home")));
            getLog().info("wrote " + launcher + " (fastly compute serve --viceroy-path=" + launcher + ")");
        } catch (BuildException | IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("compute build failed: " + e.getMessage(), e);
        }
    }

    private List<Path> programClasspath() {
        List<Path> paths = new ArrayList<>();
        paths.add(Path.of(project.getBuild().getOutputDirectory()));
        for (Artifact artifact : project.getArtifacts()) {
            if (artifact.getFile() != null
                    && artifact.getArtifactHandler().isAddedToClasspath()
                    && !Artifact.SCOPE_TEST.equals(artifact.getScope())
                    && !Artifact.SCOPE_PROVIDED.equals(artifact.getScope())) {
                paths.add(artifact.getFile().toPath());
            }
        }
        return paths;
    }

    /** The local server and what it needs: this plugin's dependencies without TeaVM and the build's own tools. */
    static List<Path> serverClasspath(PluginDescriptor plugin) {
        List<Path> paths = new ArrayList<>();
        for (Artifact artifact : plugin.getArtifacts()) {
            String group = artifact.getGroupId();
            if (artifact.getFile() != null
                    && !group.equals("org.teavm")
                    && !group.startsWith("org.apache.maven")
                    && !group.equals("org.apache.commons")) {
                paths.add(artifact.getFile().toPath());
            }
        }
        return paths;
    }

    /** TeaVM and this plugin's own classes, without the SDK (the program brings its own). */
    static List<Path> toolClasspath(PluginDescriptor plugin) {
        List<Path> paths = new ArrayList<>();
        paths.add(plugin.getPluginArtifact().getFile().toPath());
        for (Artifact artifact : plugin.getArtifacts()) {
            if (artifact.getFile() != null && !artifact.getGroupId().equals("io.github.computejava")) {
                paths.add(artifact.getFile().toPath());
            }
        }
        return paths;
    }
}
