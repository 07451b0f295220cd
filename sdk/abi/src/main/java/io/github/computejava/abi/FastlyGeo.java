package io.github.computejava.abi;

/** The {@code fastly_geo} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyGeo {
    // lookup(addr_octets: const_pointer char8, addr_len: usize, buf: ptr char8, buf_len: usize,
    //   nwritten_out: ptr usize) -> status; the answer is a JSON object
    int geoLookup(byte[] addrOctets, int addrLen, byte[] buf, int len, int[] nwrittenOut);
}
