package io.github.computejava.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The hostile programs of the fault suite, written in WebAssembly's text format ({@code faults/NAME.wat} beside this
 * class) and compiled by wabt's {@code wat2wasm}. Without {@code wat2wasm} the tests that need it are skipped, except
 * under CI ({@code CI} set), whose {@code .ci/run} installs wabt: there a missing tool fails them.
 */
final class Wat {
    private Wat() {}

    /** The module compiled from {@code faults/NAME.wat}. */
    static byte[] compile(String name) {
        String tool = System.getenv().getOrDefault("WAT2WASM", "wat2wasm");
        try {
            Path dir = Files.createTempDirectory("fault-");
            Path wat = dir.resolve(name + ".wat");
            Path wasm = dir.resolve(name + ".wasm");
            try (InputStream in = Wat.class.getResourceAsStream("faults/" + name + ".wat")) {
                if (in == null) {
                    throw new IllegalArgumentException("no faults/" + name + ".wat");
                }
                Files.copy(in, wat);
            }
            Process p;
            try {
                p = new ProcessBuilder(tool, wat.toString(), "-o", wasm.toString())
                        .redirectErrorStream(true)
                        .start();
            } catch (IOException e) {
                String why = tool + " is not installed (Debian's wabt package has it): " + e.getMessage();
                if (System.getenv("CI") != null) {
                    throw new IllegalStateException(why, e);
                }
                Assumptions.abort(why);
                throw e;
            }
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(tool + " failed on " + name + ".wat: " + output);
            }
            return Files.readAllBytes(wasm);
        } catch (IOException e) {
            throw new IllegalStateException("cannot compile " + name + ".wat: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
