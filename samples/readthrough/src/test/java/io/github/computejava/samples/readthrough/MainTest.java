package io.github.computejava.samples.readthrough;

/** The scenarios through the JVM door: the sample's classes on the engine, milliseconds per test. */
class MainTest extends ReadthroughScenarios {
    @Override
    Door open() {
        return new JvmDoor();
    }
}
