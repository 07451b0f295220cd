package io.github.computejava.abi;

/** The {@code fastly_acl} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyAcl {
    // open(name: string) -> (status, acl_handle); none when the service has no such ACL
    int aclOpen(byte[] name, int[] aclOut);

    // lookup(acl, ip_octets: const_pointer char8, ip_len: usize, body_handle_out: ptr body_handle,
    //   acl_error_out: ptr acl_error) -> status; on acl_error ok the body holds {"action":..,"prefix":..}
    int aclLookup(int acl, byte[] ipOctets, int ipLen, int[] bodyOut, int[] aclErrorOut);
}
