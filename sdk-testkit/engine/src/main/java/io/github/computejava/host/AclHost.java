package io.github.computejava.host;

import io.github.computejava.abi.FastlyAcl;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.edge.AccessControlList;
import io.github.computejava.host.http.BodyBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code fastly_acl}: the engine's ACLs, shared by both doors. As on Fastly and Viceroy, opening an ACL the service does not have answers
 * {@code none}, and a lookup answers its outcome in {@code acl_error}: {@code ok} with a body holding {@code
 * {"action":"BLOCK","prefix":"1.2.3.0/24"}}, or {@code no_content} (and no body) when no entry matches.
 */
final class AclHost implements FastlyAcl {
    private final Sandbox sandbox;
    private final HostEngine engine;
    private final HandleTable handles;

    AclHost(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.engine = sandbox.engine();
        this.handles = sandbox.handles();
    }

    /** {@code open}: a handle to the ACL of this name (UTF-8), {@code none} when there is none. */
    @Override
    public int open(byte[] name, int[] aclOut) {
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        AccessControlList acl = engine.acl(new String(name, StandardCharsets.UTF_8));
        if (acl == null) {
            return FastlyStatus.NONE;
        }
        aclOut[0] = handles.add(acl);
        return FastlyStatus.OK;
    }

    /**
     * {@code lookup}: the longest-prefix entry for 4 or 16 octets ({@code inval} for another length, {@code badf}
     * for a handle that is not an ACL). On a match, a new body with the entry's JSON to {@code bodyOut} and
     * {@code ok} to {@code aclErrorOut}; otherwise {@code no_content}, {@code bodyOut} untouched.
     */
    @Override
    public int lookup(int acl, byte[] octets, int len, int[] bodyOut, int[] aclErrorOut) {
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        AccessControlList list = handles.get(acl, AccessControlList.class);
        if (list == null) {
            return FastlyStatus.BADF;
        }
        if ((len != 4 && len != 16) || octets.length < len) {
            return FastlyStatus.INVAL;
        }
        byte[] address = new byte[len];
        System.arraycopy(octets, 0, address, 0, len);
        Optional<AccessControlList.Entry> entry = list.lookup(address);
        if (entry.isEmpty()) {
            aclErrorOut[0] = ACL_ERROR_NO_CONTENT;
            return FastlyStatus.OK;
        }
        bodyOut[0] = handles.add(BodyBuffer.of(entry.get().toJson().getBytes(StandardCharsets.UTF_8)));
        aclErrorOut[0] = ACL_ERROR_OK;
        return FastlyStatus.OK;
    }
}
