package io.github.computejava.internal.guest;

import io.github.computejava.HostcallException;
import io.github.computejava.abi.FastlyAcl;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.internal.BodyInput;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_acl} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and {@link Handle}, an open ACL's typed calls over them.
 */
public final class AclGuest {
    /** The hostcall a failed lookup names. */
    public static final String LOOKUP = "fastly_acl.lookup";

    private AclGuest() {}

    /**
     * Opens an ACL by name.
     *
     * @param name the ACL name
     * @return the open ACL, or null when the service links no such ACL ({@code none}, or {@code badf} as some
     *     hosts answer)
     * @throws io.github.computejava.UnsupportedHostcallException if the host has no ACLs
     * @throws HostcallException if the host fails otherwise
     */
    public static Handle open(String name) {
        Hostcalls calls = Host.calls();
        int[] out = new int[1];
        int status = calls.acl().open(Text.utf8(name), out);
        if (status == FastlyStatus.NONE || status == FastlyStatus.BADF) {
            return null;
        }
        Statuses.check(status, "fastly_acl.open");
        return new Handle(calls, out[0]);
    }

    /** An open ACL. */
    public static final class Handle {
        private final Hostcalls calls;
        private final int handle;

        private Handle(Hostcalls calls, int handle) {
            this.calls = calls;
            this.handle = handle;
        }

        /**
         * Looks an address up.
         *
         * @param octets 4 or 16 octets in network order
         * @return the matching entry as the host's JSON text ({@code {"action":..,"prefix":..}}), or null when no
         *     prefix contains the address ({@code no_content})
         * @throws HostcallException if the host fails the lookup, refuses it as too many requests ({@code
         *     too_many_requests}) or its entry cannot be read
         */
        public String lookup(byte[] octets) {
            int[] body = {FastlyStatus.INVALID_HANDLE};
            int[] aclError = new int[1];
            Statuses.check(calls.acl().lookup(handle, octets, octets.length, body, aclError), LOOKUP);
            switch (aclError[0]) {
                case FastlyAcl.ACL_ERROR_OK:
                    break;
                case FastlyAcl.ACL_ERROR_NO_CONTENT:
                    return null;
                case FastlyAcl.ACL_ERROR_TOO_MANY_REQUESTS:
                    throw new HostcallException(LOOKUP, "too_many_requests", "Too many ACL lookups");
                default:
                    throw new HostcallException(LOOKUP, "acl_error " + aclError[0], "The ACL lookup failed");
            }
            try (BodyInput in = BodyInput.of(calls, body[0])) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                return Text.utf8(bytes.toByteArray(), 0, bytes.size());
            } catch (IOException e) {
                throw new HostcallException(LOOKUP, "error", "reading the entry failed: " + e);
            }
        }
    }

    /**
     * The {@code fastly_acl} hostcalls inside {@code main.wasm}: one binding per function, which passes its arrays' data
     * addresses to the import. An array's address is taken in the call itself, so no allocation can move it in between.
     */
    @StaticInit
    public static final class Wasm implements FastlyAcl {
        /** The one instance; the imports are static. */
        public static final Wasm INSTANCE = new Wasm();

        private Wasm() {}

        // open(name: string) -> (status, acl_handle); none when the service has no such ACL
        @Import(module = "fastly_acl", name = "open")
        private static native int openImport(Address name, int nameLen, Address aclOut);

        @Override
        public int open(byte[] name, int[] aclOut) {
            return openImport(Address.ofData(name), name.length, Address.ofData(aclOut));
        }

        // lookup(acl, ip_octets: const_pointer char8, ip_len: usize, body_handle_out: ptr body_handle,
        //   acl_error_out: ptr acl_error) -> status; on acl_error ok the body holds {"action":..,"prefix":..}
        @Import(module = "fastly_acl", name = "lookup")
        private static native int lookupImport(
                int acl, Address ipOctets, int ipLen, Address bodyOut, Address aclErrorOut);

        @Override
        public int lookup(int acl, byte[] ipOctets, int ipLen, int[] bodyOut, int[] aclErrorOut) {
            return lookupImport(
                    acl, Address.ofData(ipOctets), ipLen, Address.ofData(bodyOut), Address.ofData(aclErrorOut));
        }
    }
}
