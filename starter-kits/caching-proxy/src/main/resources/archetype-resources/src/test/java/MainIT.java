package ${package};

import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.wasm.LocalServerDoor;
import java.nio.file.Path;

/** The stories through the Wasm door: the built bin/main.wasm on the local server (Failsafe runs it after package). */
class MainIT extends ProxyScenarios {
    private static LocalServerDoor program;

    /** The program, compiled once for all tests. */
    private static synchronized LocalServerDoor program() {
        if (program == null) {
            program = LocalServerDoor.load(Path.of("bin/main.wasm"));
        }
        return program;
    }

    @Override
    TestHost open(TestHost.Builder builder) {
        return builder.localServer(program()).build();
    }
}
