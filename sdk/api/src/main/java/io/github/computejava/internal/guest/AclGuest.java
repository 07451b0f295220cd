package io.github.computejava.internal.guest;

import io.github.computejava.abi.FastlyAcl;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_acl} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and (as the typed layer grows) the typed calls over them.
 */
public final class AclGuest {
    private AclGuest() {}

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
