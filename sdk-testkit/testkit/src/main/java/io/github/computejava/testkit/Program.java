package io.github.computejava.testkit;

/**
 * A Compute program's entry point, as a test names it: {@code host.program(Main::main)} runs the very class
 * the build compiles to {@code main.wasm}. Its {@code main} calls {@code Compute.serve} once per request.
 */
@FunctionalInterface
public interface Program {
    /**
     * Runs the program for one client request.
     *
     * @param args the command-line arguments (none, as on Fastly)
     * @throws Exception anything the program throws; the testkit records it on the response
     */
    void main(String[] args) throws Exception;
}
