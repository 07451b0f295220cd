package io.github.computejava.cache.core;

/** How a {@link Replace} treats the other clients of the object it replaces. */
public enum ReplaceStrategy {
    /** Replace at once, racing any other writer; lookups see the old object until the replacement is inserted. */
    IMMEDIATE(1),
    /** Replace at once, and make lookups miss from the start of the replace. */
    IMMEDIATE_FORCE_MISS(2),
    /** Wait until no transaction is obliged to provide the object, then replace. */
    WAIT(3);

    final int abi;

    ReplaceStrategy(int abi) {
        this.abi = abi;
    }
}
