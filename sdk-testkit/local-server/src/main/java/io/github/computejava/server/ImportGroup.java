package io.github.computejava.server;

/**
 * The hostcalls of one witx module ({@code <Module>Imports}), registered with {@link ImportTable}: each reads its
 * arguments from guest memory, calls the sandbox's implementation of the module, and writes the results back.
 * Functions a group does not register answer {@code unsupported}.
 */
interface ImportGroup {
    /** Registers this group's hostcalls. */
    void register(Registrar registrar);

    /** Receives hostcalls by module and function name. */
    interface Registrar {
        /**
         * Registers one hostcall.
         *
         * @throws IllegalArgumentException if the function is not in Fastly's ABI or is registered twice
         */
        void add(String module, String name, Hostcall hostcall);
    }
}
