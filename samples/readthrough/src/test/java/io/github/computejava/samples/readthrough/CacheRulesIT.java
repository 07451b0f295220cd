package io.github.computejava.samples.readthrough;

import io.github.computejava.testkit.TestHost;

/** Fastly's readthrough rules through the Wasm door: the built main.wasm on the local server. */
class CacheRulesIT extends CacheRulesScenarios {
    @Override
    TestHost open(TestHost.Builder builder) {
        return builder.localServer(MainIT.program()).build();
    }
}
