package ${package};

import io.github.computejava.testkit.TestHost;

/** The stories through the JVM door: the program's classes on the testkit's fake Fastly host. */
class MainTest extends ProxyScenarios {
    @Override
    TestHost open(TestHost.Builder builder) {
        return builder.build().program(Main::main);
    }
}
