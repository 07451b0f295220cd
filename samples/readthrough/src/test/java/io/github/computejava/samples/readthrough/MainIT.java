package io.github.computejava.samples.readthrough;

/** The scenarios through the Wasm door: the built main.wasm on the local server (run by Failsafe after package). */
class MainIT extends ReadthroughScenarios {
    @Override
    Door open() throws Exception {
        return new ServerDoor();
    }
}
