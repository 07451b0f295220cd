package io.github.computejava.internal.guest;

import io.github.computejava.abi.FastlyBackend;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_backend} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and (as the typed layer grows) the typed calls over them.
 */
public final class BackendGuest {
    private BackendGuest() {}

    /**
     * The {@code fastly_backend} hostcalls inside {@code main.wasm}: one binding per function, which passes its arrays' data
     * addresses to the import. An array's address is taken in the call itself, so no allocation can move it in between.
     */
    @StaticInit
    public static final class Wasm implements FastlyBackend {
        /** The one instance; the imports are static. */
        public static final Wasm INSTANCE = new Wasm();

        private Wasm() {}

        // exists(backend: string) -> (status, backend_exists u32)
        @Import(module = "fastly_backend", name = "exists")
        private static native int existsImport(Address backend, int len, Address existsOut);

        @Override
        public int exists(byte[] backend, int[] existsOut) {
            return existsImport(Address.ofData(backend), backend.length, Address.ofData(existsOut));
        }

        // get_host(backend: string, value: ptr char8, value_max_len: usize, nwritten_out: ptr usize) -> status
        @Import(module = "fastly_backend", name = "get_host")
        private static native int getHostImport(
                Address backend, int backendLen, Address buf, int len, Address nwrittenOut);

        @Override
        public int getHost(byte[] backend, byte[] buf, int len, int[] nwrittenOut) {
            return getHostImport(
                    Address.ofData(backend), backend.length, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // get_override_host(backend: string, value: ptr char8, value_max_len: usize, nwritten_out: ptr usize) -> status
        @Import(module = "fastly_backend", name = "get_override_host")
        private static native int getOverrideHostImport(
                Address backend, int backendLen, Address buf, int len, Address nwrittenOut);

        @Override
        public int getOverrideHost(byte[] backend, byte[] buf, int len, int[] nwrittenOut) {
            return getOverrideHostImport(
                    Address.ofData(backend), backend.length, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // is_healthy(backend: string) -> (status, backend_health)
        @Import(module = "fastly_backend", name = "is_healthy")
        private static native int isHealthyImport(Address backend, int len, Address out);

        @Override
        public int isHealthy(byte[] backend, int[] out) {
            return isHealthyImport(Address.ofData(backend), backend.length, Address.ofData(out));
        }

        // is_dynamic(backend: string) -> (status, is_dynamic u32)
        @Import(module = "fastly_backend", name = "is_dynamic")
        private static native int isDynamicImport(Address backend, int len, Address out);

        @Override
        public int isDynamic(byte[] backend, int[] out) {
            return isDynamicImport(Address.ofData(backend), backend.length, Address.ofData(out));
        }

        // get_port(backend: string) -> (status, port u16)
        @Import(module = "fastly_backend", name = "get_port")
        private static native int getPortImport(Address backend, int len, Address out);

        @Override
        public int getPort(byte[] backend, int[] out) {
            // the host writes a u16; clear the high half first
            out[0] = 0;
            return getPortImport(Address.ofData(backend), backend.length, Address.ofData(out));
        }

        // get_connect_timeout_ms(backend: string) -> (status, timeout_ms u32)
        @Import(module = "fastly_backend", name = "get_connect_timeout_ms")
        private static native int getConnectTimeoutMsImport(Address backend, int len, Address out);

        @Override
        public int getConnectTimeoutMs(byte[] backend, int[] out) {
            return getConnectTimeoutMsImport(Address.ofData(backend), backend.length, Address.ofData(out));
        }

        // get_first_byte_timeout_ms(backend: string) -> (status, timeout_ms u32)
        @Import(module = "fastly_backend", name = "get_first_byte_timeout_ms")
        private static native int getFirstByteTimeoutMsImport(Address backend, int len, Address out);

        @Override
        public int getFirstByteTimeoutMs(byte[] backend, int[] out) {
            return getFirstByteTimeoutMsImport(Address.ofData(backend), backend.length, Address.ofData(out));
        }

        // get_between_bytes_timeout_ms(backend: string) -> (status, timeout_ms u32)
        @Import(module = "fastly_backend", name = "get_between_bytes_timeout_ms")
        private static native int getBetweenBytesTimeoutMsImport(Address backend, int len, Address out);

        @Override
        public int getBetweenBytesTimeoutMs(byte[] backend, int[] out) {
            return getBetweenBytesTimeoutMsImport(Address.ofData(backend), backend.length, Address.ofData(out));
        }

        // get_http_keepalive_time(backend: string) -> (status, timeout_ms u32)
        @Import(module = "fastly_backend", name = "get_http_keepalive_time")
        private static native int getHttpKeepaliveTimeImport(Address backend, int len, Address out);

        @Override
        public int getHttpKeepaliveTime(byte[] backend, int[] out) {
            return getHttpKeepaliveTimeImport(Address.ofData(backend), backend.length, Address.ofData(out));
        }

        // get_tcp_keepalive_enable(backend: string) -> (status, is_keepalive u32)
        @Import(module = "fastly_backend", name = "get_tcp_keepalive_enable")
        private static native int getTcpKeepaliveEnableImport(Address backend, int len, Address out);

        @Override
        public int getTcpKeepaliveEnable(byte[] backend, int[] out) {
            return getTcpKeepaliveEnableImport(Address.ofData(backend), backend.length, Address.ofData(out));
        }

        // get_tcp_keepalive_interval(backend: string) -> (status, timeout_secs u32)
        @Import(module = "fastly_backend", name = "get_tcp_keepalive_interval")
        private static native int getTcpKeepaliveIntervalImport(Address backend, int len, Address out);

        @Override
        public int getTcpKeepaliveInterval(byte[] backend, int[] out) {
            return getTcpKeepaliveIntervalImport(Address.ofData(backend), backend.length, Address.ofData(out));
        }

        // get_tcp_keepalive_probes(backend: string) -> (status, probe_count u32)
        @Import(module = "fastly_backend", name = "get_tcp_keepalive_probes")
        private static native int getTcpKeepaliveProbesImport(Address backend, int len, Address out);

        @Override
        public int getTcpKeepaliveProbes(byte[] backend, int[] out) {
            return getTcpKeepaliveProbesImport(Address.ofData(backend), backend.length, Address.ofData(out));
        }

        // get_tcp_keepalive_time(backend: string) -> (status, timeout_secs u32)
        @Import(module = "fastly_backend", name = "get_tcp_keepalive_time")
        private static native int getTcpKeepaliveTimeImport(Address backend, int len, Address out);

        @Override
        public int getTcpKeepaliveTime(byte[] backend, int[] out) {
            return getTcpKeepaliveTimeImport(Address.ofData(backend), backend.length, Address.ofData(out));
        }

        // is_ssl(backend: string) -> (status, is_ssl u32)
        @Import(module = "fastly_backend", name = "is_ssl")
        private static native int isSslImport(Address backend, int len, Address out);

        @Override
        public int isSsl(byte[] backend, int[] out) {
            return isSslImport(Address.ofData(backend), backend.length, Address.ofData(out));
        }

        // get_ssl_min_version(backend: string) -> (status, tls_version)
        @Import(module = "fastly_backend", name = "get_ssl_min_version")
        private static native int getSslMinVersionImport(Address backend, int len, Address out);

        @Override
        public int getSslMinVersion(byte[] backend, int[] out) {
            return getSslMinVersionImport(Address.ofData(backend), backend.length, Address.ofData(out));
        }

        // get_ssl_max_version(backend: string) -> (status, tls_version)
        @Import(module = "fastly_backend", name = "get_ssl_max_version")
        private static native int getSslMaxVersionImport(Address backend, int len, Address out);

        @Override
        public int getSslMaxVersion(byte[] backend, int[] out) {
            return getSslMaxVersionImport(Address.ofData(backend), backend.length, Address.ofData(out));
        }
    }
}
