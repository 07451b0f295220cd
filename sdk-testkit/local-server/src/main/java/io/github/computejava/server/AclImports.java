package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.FastlyStatus;

/** {@code fastly_acl}: ACLs from {@code [local_server.acls]}, looked up by longest prefix. */
final class AclImports implements ImportGroup {
    @Override
    public void register(Registrar r) {
        // open(name: string) -> (status, acl_handle)
        r.add("fastly_acl", "open", (g, a) -> {
            byte[] name = g.memory().utf8Bytes(i32(a, 0), i32(a, 1));
            return g.u32Out(i32(a, 2), out -> g.sandbox().acls().open(name, out));
        });

        // lookup(acl, ip_octets: const_pointer char8, ip_len, body_handle_out, acl_error_out) -> status
        r.add("fastly_acl", "lookup", (g, a) -> {
            int len = i32(a, 2);
            if (len != 4 && len != 16) {
                return FastlyStatus.INVAL;
            }
            GuestMemory m = g.memory();
            byte[] octets = m.bytes(i32(a, 1), len);
            int bodyPtr = i32(a, 3);
            int errorPtr = i32(a, 4);
            m.checkU32(bodyPtr);
            m.checkU32(errorPtr);
            int[] body = {FastlyStatus.INVALID_HANDLE};
            int[] aclError = new int[1];
            int status = g.sandbox().acls().lookup(i32(a, 0), octets, len, body, aclError);
            if (status == FastlyStatus.OK) {
                if (body[0] != FastlyStatus.INVALID_HANDLE) {
                    m.u32(bodyPtr, body[0]);
                }
                m.u32(errorPtr, aclError[0]);
            }
            return status;
        });
    }
}
