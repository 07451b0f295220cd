package io.github.computejava.abi;

/** The {@code fastly_abi} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyAbi {
    /** The ABI version this SDK speaks. */
    long VERSION = 1;

    // init(abi_version: u64) -> status
    int init(long abiVersion);
}
