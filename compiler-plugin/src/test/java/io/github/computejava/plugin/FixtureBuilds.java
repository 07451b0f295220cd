package io.github.computejava.plugin;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the programs in {@code fixtures} with the real TeaVM pipeline, from the test's own classpath. */
final class FixtureBuilds {
    private FixtureBuilds() {}

    /** The classpath the tests run with: the fixtures, the SDK and TeaVM's class library. */
    static List<Path> testClasspath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<Path> paths = new ArrayList<>();
        for (String entry : cp.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                paths.add(Path.of(entry));
            }
        }
        return paths;
    }

    /** A build of {@code mainClass} into {@code wasm}, working in {@code workDirectory}. */
    static WasmBuild wasmBuild(String mainClass, Path wasm, Path workDirectory) {
        return WasmBuild.builder()
                .mainClass(mainClass)
                .classpath(testClasspath())
                .output(wasm)
                .workDirectory(workDirectory)
                .build();
    }
}
