package io.github.computejava.samples.corecache;

import io.github.computejava.testkit.TestHost;

/** The story through the JVM door: the sample's classes on the testkit's host, milliseconds per test. */
class MainTest extends CoreCacheStory {
    @Override
    TestHost open() {
        return TestHost.create().program(Main::main);
    }
}
