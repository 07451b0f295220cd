package io.github.computejava.abi;

/** The {@code fastly_acl} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyAcl {
    /** {@code acl_error.uninitialized}. */
    int ACL_ERROR_UNINITIALIZED = 0;
    /** {@code acl_error.ok}: the lookup matched an entry. */
    int ACL_ERROR_OK = 1;
    /** {@code acl_error.no_content}: no entry matched. */
    int ACL_ERROR_NO_CONTENT = 2;
    /** {@code acl_error.too_many_requests}. */
    int ACL_ERROR_TOO_MANY_REQUESTS = 3;

    // open(name: string) -> (status, acl_handle); none when the service has no such ACL
    int open(byte[] name, int[] aclOut);

    // lookup(acl, ip_octets: const_pointer char8, ip_len: usize, body_handle_out: ptr body_handle,
    //   acl_error_out: ptr acl_error) -> status; on acl_error ok the body holds {"action":..,"prefix":..}
    int lookup(int acl, byte[] ipOctets, int ipLen, int[] bodyOut, int[] aclErrorOut);
}
