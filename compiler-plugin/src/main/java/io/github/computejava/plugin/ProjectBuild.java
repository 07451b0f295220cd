package io.github.computejava.plugin;

import io.github.computejava.server.FrameMap;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The build of a Compute project, start to finish: removes the previous {@code bin/main.wasm} and packages,
 * reads {@code fastly.toml}, compiles {@code main.wasm} and packs {@code pkg/<name>.tar.gz}. The old outputs go
 * first, so a build that fails at any step (an invalid {@code fastly.toml} included) leaves none behind for
 * {@code fastly compute deploy} to pick up.
 */
public final class ProjectBuild {
    private final Path manifest;
    private final WasmBuild wasm;
    private final Path packageDirectory;

    /**
     * A project build.
     *
     * @param manifest the project's {@code fastly.toml}
     * @param wasm the compilation, writing {@code bin/main.wasm}
     * @param packageDirectory where packages go, normally {@code pkg}; every {@code *.tar.gz} in it is an output
     *     of this build and is removed when the build starts
     */
    public ProjectBuild(Path manifest, WasmBuild wasm, Path packageDirectory) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.wasm = Objects.requireNonNull(wasm, "wasm");
        this.packageDirectory = Objects.requireNonNull(packageDirectory, "packageDirectory");
    }

    /**
     * Runs the build.
     *
     * @return the package written
     * @throws BuildException when {@code fastly.toml} is invalid, or the program does not compile or would not
     *     link on Fastly
     * @throws IOException when files cannot be removed or written
     */
    public Path run() throws IOException {
        removeOutputs(wasm.output(), packageDirectory);
        FastlyManifest fastly = FastlyManifest.read(manifest);
        WasmBuild.Result result = wasm.run();
        return PackageWriter.write(fastly, result.wasm(), packageDirectory);
    }

    /**
     * Removes a previous build's outputs: {@code main.wasm}, its frame map and every {@code *.tar.gz} in the
     * package directory.
     * The Mojo calls it before it even checks its parameters.
     *
     * @throws IOException when a file cannot be removed
     */
    public static void removeOutputs(Path wasm, Path packageDirectory) throws IOException {
        Files.deleteIfExists(wasm);
        Files.deleteIfExists(FrameMap.beside(wasm));
        if (!Files.isDirectory(packageDirectory)) {
            return;
        }
        // the package name comes from fastly.toml, which may be the thing that is broken: remove every package
        try (DirectoryStream<Path> packages = Files.newDirectoryStream(packageDirectory, "*.tar.gz")) {
            for (Path p : packages) {
                if (Files.isRegularFile(p)) {
                    Files.delete(p);
                }
            }
        }
    }
}
