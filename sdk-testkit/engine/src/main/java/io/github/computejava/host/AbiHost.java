package io.github.computejava.host;

import io.github.computejava.abi.FastlyAbi;
import io.github.computejava.abi.FastlyStatus;

/** {@code fastly_abi}: the ABI version handshake. */
final class AbiHost implements FastlyAbi {
    @Override
    public int init(long abiVersion) {
        return abiVersion == VERSION ? FastlyStatus.OK : FastlyStatus.INVAL;
    }
}
