package io.github.computejava.samples.readthrough;

import io.github.computejava.testkit.TestHost;

/** The scenarios through the JVM door: the sample's classes on the testkit's host, milliseconds per test. */
class MainTest extends ReadthroughScenarios {
    @Override
    TestHost open(TestHost.Builder builder) {
        return builder.build().program(Main::main);
    }
}
