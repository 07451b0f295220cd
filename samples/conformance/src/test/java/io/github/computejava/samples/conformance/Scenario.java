package io.github.computejava.samples.conformance;

import io.github.computejava.testkit.TestHost;

/**
 * One conformance scenario: it scripts the backends it needs, sends requests and asserts on what the client
 * and the origin saw, through the {@link TestHost} API only, so that any door can run it.
 */
interface Scenario {
    /** Runs the scenario against a host whose program is the conformance Main. */
    void run(TestHost host) throws Exception;
}
