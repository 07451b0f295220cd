package io.github.computejava.samples.readthrough;

import io.github.computejava.testkit.TestHost;

/** Fastly's readthrough rules through the JVM door: the sample's classes on the testkit's host. */
class CacheRulesTest extends CacheRulesScenarios {
    @Override
    TestHost open(TestHost.Builder builder) {
        return builder.build().program(Main::main);
    }
}
