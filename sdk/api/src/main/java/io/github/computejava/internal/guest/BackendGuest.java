package io.github.computejava.internal.guest;

import io.github.computejava.abi.FastlyBackend;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.internal.AdaptiveBuffer;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_backend} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and (as the typed layer grows) the typed calls over them.
 */
public final class BackendGuest {
    private BackendGuest() {}

    /** {@link #value}: {@code get_port}. */
    public static final int PORT = 0;

    /** {@link #value}: {@code get_connect_timeout_ms}. */
    public static final int CONNECT_TIMEOUT_MS = 1;

    /** {@link #value}: {@code get_first_byte_timeout_ms}. */
    public static final int FIRST_BYTE_TIMEOUT_MS = 2;

    /** {@link #value}: {@code get_between_bytes_timeout_ms}. */
    public static final int BETWEEN_BYTES_TIMEOUT_MS = 3;

    /** {@link #value}: {@code get_http_keepalive_time}. */
    public static final int HTTP_KEEPALIVE_TIME_MS = 4;

    /** {@link #value}: {@code get_tcp_keepalive_enable}. */
    public static final int TCP_KEEPALIVE_ENABLE = 5;

    /** {@link #value}: {@code get_tcp_keepalive_interval}. */
    public static final int TCP_KEEPALIVE_INTERVAL_SECS = 6;

    /** {@link #value}: {@code get_tcp_keepalive_probes}. */
    public static final int TCP_KEEPALIVE_PROBES = 7;

    /** {@link #value}: {@code get_tcp_keepalive_time}. */
    public static final int TCP_KEEPALIVE_TIME_SECS = 8;

    /** {@link #value}: {@code is_ssl}. */
    public static final int IS_SSL = 9;

    /** {@link #value}: {@code get_ssl_min_version}. */
    public static final int SSL_MIN_VERSION = 10;

    /** {@link #value}: {@code get_ssl_max_version}. */
    public static final int SSL_MAX_VERSION = 11;

    /** {@link #value}: {@code is_dynamic}. */
    public static final int IS_DYNAMIC = 12;

    /** {@link #value}: {@code is_healthy}. */
    public static final int IS_HEALTHY = 13;

    /** The first buffer for a backend's host names; {@code buflen} answers grow it. */
    private static final int HOST_BUFFER = 256;

    /**
     * {@code exists}.
     *
     * @param name the backend's name
     * @return whether the service has the backend
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static boolean exists(String name) {
        int[] out = new int[1];
        Statuses.check(Host.calls().backend().exists(Text.latin1(name), out), "fastly_backend.exists");
        return out[0] != 0;
    }

    /**
     * One of a backend's numeric facts, a u32 widened.
     *
     * @param name the backend's name, Latin-1
     * @param which {@link #PORT}, {@link #CONNECT_TIMEOUT_MS}, ... {@link #IS_HEALTHY}
     * @return the value, or -1 when the host does not know it ({@code none} or {@code unsupported})
     * @throws io.github.computejava.HostcallException if the host fails the call otherwise
     */
    public static long value(byte[] name, int which) {
        FastlyBackend b = Host.calls().backend();
        int[] out = new int[1];
        int status;
        String hostcall;
        switch (which) {
            case PORT:
                status = b.getPort(name, out);
                hostcall = "fastly_backend.get_port";
                break;
            case CONNECT_TIMEOUT_MS:
                status = b.getConnectTimeoutMs(name, out);
                hostcall = "fastly_backend.get_connect_timeout_ms";
                break;
            case FIRST_BYTE_TIMEOUT_MS:
                status = b.getFirstByteTimeoutMs(name, out);
                hostcall = "fastly_backend.get_first_byte_timeout_ms";
                break;
            case BETWEEN_BYTES_TIMEOUT_MS:
                status = b.getBetweenBytesTimeoutMs(name, out);
                hostcall = "fastly_backend.get_between_bytes_timeout_ms";
                break;
            case HTTP_KEEPALIVE_TIME_MS:
                status = b.getHttpKeepaliveTime(name, out);
                hostcall = "fastly_backend.get_http_keepalive_time";
                break;
            case TCP_KEEPALIVE_ENABLE:
                status = b.getTcpKeepaliveEnable(name, out);
                hostcall = "fastly_backend.get_tcp_keepalive_enable";
                break;
            case TCP_KEEPALIVE_INTERVAL_SECS:
                status = b.getTcpKeepaliveInterval(name, out);
                hostcall = "fastly_backend.get_tcp_keepalive_interval";
                break;
            case TCP_KEEPALIVE_PROBES:
                status = b.getTcpKeepaliveProbes(name, out);
                hostcall = "fastly_backend.get_tcp_keepalive_probes";
                break;
            case TCP_KEEPALIVE_TIME_SECS:
                status = b.getTcpKeepaliveTime(name, out);
                hostcall = "fastly_backend.get_tcp_keepalive_time";
                break;
            case IS_SSL:
                status = b.isSsl(name, out);
                hostcall = "fastly_backend.is_ssl";
                break;
            case SSL_MIN_VERSION:
                status = b.getSslMinVersion(name, out);
                hostcall = "fastly_backend.get_ssl_min_version";
                break;
            case SSL_MAX_VERSION:
                status = b.getSslMaxVersion(name, out);
                hostcall = "fastly_backend.get_ssl_max_version";
                break;
            case IS_DYNAMIC:
                status = b.isDynamic(name, out);
                hostcall = "fastly_backend.is_dynamic";
                break;
            default:
                status = b.isHealthy(name, out);
                hostcall = "fastly_backend.is_healthy";
        }
        if (status == FastlyStatus.NONE || status == FastlyStatus.UNSUPPORTED) {
            return -1;
        }
        Statuses.check(status, hostcall);
        return out[0] & 0xFFFFFFFFL;
    }

    /**
     * A backend's host name ({@code get_host}).
     *
     * @param name the backend's name, Latin-1
     * @return the host, or null when the host does not know it
     * @throws io.github.computejava.HostcallException if the host fails the call otherwise
     */
    public static String host(byte[] name) {
        return string(new HostReader(name, false), "fastly_backend.get_host");
    }

    /**
     * The Host header a backend sends ({@code get_override_host}).
     *
     * @param name the backend's name, Latin-1
     * @return the header's value, or null when it sends none or the host does not know
     * @throws io.github.computejava.HostcallException if the host fails the call otherwise
     */
    public static String overrideHost(byte[] name) {
        return string(new HostReader(name, true), "fastly_backend.get_override_host");
    }

    private static String string(AdaptiveBuffer.Getter getter, String hostcall) {
        int[] probe = new int[1];
        byte[] first = new byte[HOST_BUFFER];
        int status = getter.get(first, first.length, probe);
        if (status == FastlyStatus.NONE || status == FastlyStatus.UNSUPPORTED) {
            return null;
        }
        if (status == FastlyStatus.OK) {
            return Text.latin1(first, 0, probe[0]);
        }
        byte[] b = AdaptiveBuffer.get(getter, Math.max(probe[0], HOST_BUFFER * 2), hostcall);
        return b == null ? null : Text.latin1(b, 0, b.length);
    }

    /** {@code get_host} or {@code get_override_host} as a getter. */
    private static final class HostReader implements AdaptiveBuffer.Getter {
        private final byte[] name;
        private final boolean override;

        HostReader(byte[] name, boolean override) {
            this.name = name;
            this.override = override;
        }

        @Override
        public int get(byte[] buf, int len, int[] nwrittenOut) {
            FastlyBackend b = Host.calls().backend();
            return override ? b.getOverrideHost(name, buf, len, nwrittenOut) : b.getHost(name, buf, len, nwrittenOut);
        }
    }

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
