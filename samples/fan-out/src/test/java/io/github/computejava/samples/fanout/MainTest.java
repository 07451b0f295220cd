package io.github.computejava.samples.fanout;

import io.github.computejava.testkit.TestHost;

/** The stories through the JVM door: the sample's classes on the testkit's host, requests on real threads. */
class MainTest extends FanOutStory {
    @Override
    TestHost open() {
        return TestHost.create().program(Main::main);
    }
}
