package io.github.computejava.abi;

/** The {@code fastly_abi} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyAbi {
    // init(abi_version: u64) -> status
    int abiInit(long abiVersion);
}
