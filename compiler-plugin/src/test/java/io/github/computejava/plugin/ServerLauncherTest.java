package io.github.computejava.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher the build writes starts the local server from the given class path, with Viceroy's command line. */
class ServerLauncherTest {
    @TempDir
    Path dir;

    @Test
    void theLauncherRunsTheLocalServerWithViceroysCommandLine() throws Exception {
        Path launcher = dir.resolve("target/compute-java-serve");
        ServerLauncher.write(launcher, FixtureBuilds.testClasspath(), Path.of(System.getProperty("java.home")));

        assertTrue(Files.isExecutable(launcher), "executable");
        String version = run(launcher, "--version");
        assertTrue(version.startsWith("compute-java-serve "), version);
        String missing = run(
                launcher, "--addr", "127.0.0.1:0", dir.resolve("nothing.wasm").toString());
        assertTrue(missing.contains("error: cannot read"), missing);
    }

    private String run(Path launcher, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = "sh";
        command[1] = launcher.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher ended");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (args[0].equals("--version")) {
            assertEquals(0, p.exitValue(), out);
        }
        return out;
    }
}
