package io.github.computejava.samples.readthrough;

import io.github.computejava.server.WasmProgram;
import io.github.computejava.testkit.TestHost;
import java.nio.file.Path;

/** The scenarios through the Wasm door: the built main.wasm on the local server (run by Failsafe after package). */
class MainIT extends ReadthroughScenarios {
    private static WasmProgram program;

    /** The program, compiled once for all tests. */
    static synchronized WasmProgram program() {
        if (program == null) {
            String wasm = System.getProperty("compute.wasm", "bin/main.wasm");
            program = WasmProgram.load(Path.of(wasm), WasmProgram.Execution.COMPILED);
        }
        return program;
    }

    @Override
    TestHost open(TestHost.Builder builder) {
        return builder.localServer(program()).build();
    }
}
