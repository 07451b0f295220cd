package io.github.computejava.server;

/**
 * A set of hostcalls, usually one witx module (or one area such as the stores), registered with {@link
 * AbiImports}. Each group is its own class so modules can be added or replaced independently.
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

        /** Registers every named function of {@code module} as answering {@code unsupported}. */
        default void unsupported(String module, String... names) {
            for (String name : names) {
                add(module, name, Hostcall.UNSUPPORTED);
            }
        }
    }
}
