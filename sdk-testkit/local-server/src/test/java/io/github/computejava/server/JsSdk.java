package io.github.computejava.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Fastly's JavaScript SDK for the tests that run its programs on the local server: finds {@code js-compute-runtime}
 * (npm package {@code @fastly/js-compute}) and builds a program with it. Without it those tests are skipped.
 */
final class JsSdk {
    static final String NO_COMPILER = "js-compute-runtime not found (npm install @fastly/js-compute, then put"
            + " node_modules/.bin on the PATH or set JS_COMPUTE_RUNTIME or JS_TOOLS_DIR): skipping the JavaScript SDK"
            + " program tests";

    private JsSdk() {}

    /** The compiler: $JS_COMPUTE_RUNTIME, node_modules/.bin in the project or $JS_TOOLS_DIR, or the PATH. */
    static Optional<String> compiler() {
        List<String> candidates = new ArrayList<>();
        String explicit = System.getenv("JS_COMPUTE_RUNTIME");
        if (explicit != null && !explicit.isBlank()) {
            candidates.add(explicit);
        }
        for (Path root = Path.of("").toAbsolutePath(); root != null; root = root.getParent()) {
            candidates.add(root.resolve("node_modules/.bin/js-compute-runtime").toString());
        }
        String tools = System.getenv("JS_TOOLS_DIR");
        if (tools != null && !tools.isBlank()) {
            candidates.add(
                    Path.of(tools, "node_modules/.bin/js-compute-runtime").toString());
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "js-compute-runtime").toString());
            }
        }
        return candidates.stream().filter(c -> Files.isExecutable(Path.of(c))).findFirst();
    }

    /**
     * Builds {@code source} into {@code dir/NAME.wasm} with the compiler's {@code flags}.
     *
     * @return the program
     */
    static Path build(String compiler, Path dir, String name, String source, String... flags) throws Exception {
        Path app = dir.resolve(name + ".js");
        Files.writeString(app, source);
        Path wasm = dir.resolve(name + ".wasm");
        List<String> command = new ArrayList<>();
        command.add(compiler);
        command.addAll(List.of(flags));
        command.add(app.toString());
        command.add(wasm.toString());
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "js-compute-runtime finished");
        assertEquals(0, p.exitValue(), "js-compute-runtime failed:\n" + log);
        return wasm;
    }
}
