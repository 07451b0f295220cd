package ${package};

import io.github.computejava.server.WasmProgram;
import io.github.computejava.testkit.TestHost;
import java.nio.file.Path;

/** The stories through the Wasm door: the built bin/main.wasm on the local server (Failsafe runs it after package). */
class MainIT extends ProxyScenarios {
    private static WasmProgram program;

    /** The program, compiled once for all tests. */
    private static synchronized WasmProgram program() {
        if (program == null) {
            program = WasmProgram.load(Path.of("bin/main.wasm"), WasmProgram.Execution.COMPILED);
        }
        return program;
    }

    @Override
    TestHost open(TestHost.Builder builder) {
        return builder.localServer(program()).build();
    }
}
