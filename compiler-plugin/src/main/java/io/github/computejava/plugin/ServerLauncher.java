package io.github.computejava.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Writes {@code target/compute-java-serve}, a shell script that starts the local server from the artifacts this
 * plugin was resolved with (the local Maven repository), so a project outside this repository can hand it to
 * Fastly's CLI in place of Viceroy: {@code fastly compute serve --viceroy-path=target/compute-java-serve}. It takes
 * Viceroy's command line; {@code JAVA} and {@code COMPUTE_JAVA_SERVER_OPTS} choose the java command and its options.
 */
final class ServerLauncher {
    /** The launcher's file name. */
    static final String NAME = "compute-java-serve";

    private static final String MAIN = "io.github.computejava.server.ServeCommand";

    /**
     * The JVM's heap unless {@code COMPUTE_JAVA_SERVER_OPTS} says otherwise: room for the instances the server runs
     * at once by default and the cache, where the JVM's own default (a quarter of the machine's memory) lets an
     * allocating program's garbage grow the server's memory far beyond what it uses.
     */
    static final String DEFAULT_HEAP = "-Xmx1g";

    private ServerLauncher() {}

    /**
     * Writes the launcher, replacing the file at once.
     *
     * @param file where to write it
     * @param classpath the local server and its dependencies
     * @param javaHome the JDK to prefer when {@code JAVA} is not set (the one that ran the build)
     * @throws IOException if it cannot be written
     */
    static void write(Path file, List<Path> classpath, Path javaHome) throws IOException {
        Objects.requireNonNull(classpath, "classpath");
        String cp = classpath.stream()
                .map(p -> p.toAbsolutePath().toString())
                .collect(Collectors.joining(System.getProperty("path.separator")));
        String java = javaHome.resolve("bin").resolve("java").toString();
        String script = "#!/bin/sh\n"
                + "# compute-java's local server, a drop-in for Fastly's Viceroy, written by `mvn package`:\n"
                + "#   fastly compute serve --viceroy-path=target/" + NAME + "\n"
                + "#   target/" + NAME + " -C fastly.toml --addr 127.0.0.1:7676 bin/main.wasm\n"
                + "# JAVA names the java command (default: the JDK that ran the build, else java on the PATH);\n"
                + "# COMPUTE_JAVA_SERVER_OPTS adds JVM options (the heap is capped at 1 GiB unless they say\n"
                + "# otherwise: the last -Xmx wins).\n"
                + "java=\"${JAVA:-}\"\n"
                + "if [ -z \"$java\" ]; then\n"
                + "  if [ -x " + quote(java) + " ]; then java=" + quote(java) + "; else java=java; fi\n"
                + "fi\n"
                + "# shellcheck disable=SC2086\n"
                + "exec \"$java\" " + DEFAULT_HEAP
                + " ${COMPUTE_JAVA_SERVER_OPTS:-} -Dslf4j.internal.verbosity=ERROR -cp " + quote(cp)
                + " " + MAIN + " \"$@\"\n";
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, NAME, ".tmp");
        try {
            Files.writeString(temp, script, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the script is for POSIX shells anyway
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A single-quoted shell word. */
    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
