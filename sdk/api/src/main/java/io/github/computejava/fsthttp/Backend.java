package io.github.computejava.fsthttp;

import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.internal.AdaptiveBuffer;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A backend of the service: one defined for it (in {@code fastly.toml} or on Fastly), or one the program
 * registered at run time with {@link #register}. Its settings are read from the host when asked; a setting
 * the host does not report is empty.
 *
 * <pre>{@code
 * Backend api = Backend.register("api", "api.example.com:443", BackendOptions.builder().useSsl(true).build());
 * try (Response r = request.send(api)) { ... }
 * }</pre>
 */
public final class Backend {
    private static final int HOST_BUFFER = 256;

    private final Hostcalls calls;
    private final String name;
    private final byte[] nameBytes;

    private Backend(Hostcalls calls, String name) {
        this.calls = calls;
        this.name = name;
        this.nameBytes = Text.latin1(name);
    }

    /**
     * Whether the service has a backend of this name.
     *
     * @param name the backend name
     * @return true when it exists
     * @throws NullPointerException if {@code name} is null
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static boolean exists(String name) {
        Objects.requireNonNull(name, "name");
        int[] out = new int[1];
        Statuses.check(Host.calls().backendExists(Text.latin1(name), out), "fastly_backend.exists");
        return out[0] != 0;
    }

    /**
     * The backend of this name.
     *
     * @param name the backend name
     * @return the backend
     * @throws BackendNotFoundException if the service has no such backend
     * @throws NullPointerException if {@code name} is null
     */
    public static Backend fromName(String name) {
        if (!exists(name)) {
            throw new BackendNotFoundException(name);
        }
        return new Backend(Host.calls(), name);
    }

    /**
     * Registers a dynamic backend with default options (plain HTTP).
     *
     * @param name the name to send requests to
     * @param target {@code host} or {@code host:port}
     * @return the backend
     * @throws BackendRegistrationException if the name is taken, dynamic backends are disallowed, or the host
     *     rejects the target
     * @throws IllegalArgumentException if {@code name} or {@code target} is empty
     * @throws NullPointerException if an argument is null
     */
    public static Backend register(String name, String target) {
        return register(name, target, BackendOptions.DEFAULT);
    }

    /**
     * Registers a dynamic backend.
     *
     * @param name the name to send requests to
     * @param target {@code host} or {@code host:port}, without a scheme or path
     * @param options how to connect
     * @return the backend
     * @throws BackendRegistrationException if the name is taken, dynamic backends are disallowed, or the host
     *     rejects the target or options
     * @throws IllegalArgumentException if {@code name} or {@code target} is empty
     * @throws NullPointerException if an argument is null
     */
    public static Backend register(String name, String target, BackendOptions options) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name: a backend name cannot be empty");
        }
        if (target.isEmpty()) {
            throw new IllegalArgumentException("target: a backend target cannot be empty");
        }
        Hostcalls calls = Host.calls();
        int status = calls.reqRegisterDynamicBackend(
                Text.latin1(name), Text.latin1(target), options.mask(), options.config());
        switch (status) {
            case FastlyStatus.OK:
                return new Backend(calls, name);
            case FastlyStatus.ERROR:
                throw new BackendRegistrationException(name, BackendRegistrationException.Reason.NAME_IN_USE);
            case FastlyStatus.UNSUPPORTED:
                throw new BackendRegistrationException(name, BackendRegistrationException.Reason.DISALLOWED);
            case FastlyStatus.INVAL:
                throw new BackendRegistrationException(name, BackendRegistrationException.Reason.INVALID);
            default:
                throw Statuses.toException(status, "fastly_http_req.register_dynamic_backend");
        }
    }

    /**
     * The name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The host and port requests go to, as Go's {@code Target}.
     *
     * @return {@code host:port}, or the name alone when the host reports neither
     * @throws io.github.computejava.HostcallException if the host fails a call
     */
    public String target() {
        Optional<String> host = host();
        OptionalInt port = port();
        if (host.isEmpty()) {
            return name;
        }
        return port.isPresent() ? host.get() + ":" + port.getAsInt() : host.get();
    }

    /**
     * The host name requests go to.
     *
     * @return the host, or empty when the host does not report it
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Optional<String> host() {
        return string((buf, len, nw) -> calls.backendGetHost(nameBytes, buf, len, nw), "fastly_backend.get_host");
    }

    /**
     * The {@code Host} header sent instead of the request's.
     *
     * @return the override, or empty
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Optional<String> hostOverride() {
        return string(
                (buf, len, nw) -> calls.backendGetOverrideHost(nameBytes, buf, len, nw),
                "fastly_backend.get_override_host");
    }

    /**
     * The port requests go to.
     *
     * @return the port, or empty
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public OptionalInt port() {
        int[] out = new int[1];
        return present(calls.backendGetPort(nameBytes, out), "fastly_backend.get_port")
                ? OptionalInt.of(out[0] & 0xFFFF)
                : OptionalInt.empty();
    }

    /**
     * The connect timeout.
     *
     * @return the timeout, or empty when the host does not report it
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Optional<Duration> connectTimeout() {
        int[] out = new int[1];
        return millis(calls.backendGetConnectTimeoutMs(nameBytes, out), out, "fastly_backend.get_connect_timeout_ms");
    }

    /**
     * The first-byte timeout.
     *
     * @return the timeout, or empty when the host does not report it
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Optional<Duration> firstByteTimeout() {
        int[] out = new int[1];
        return millis(
                calls.backendGetFirstByteTimeoutMs(nameBytes, out), out, "fastly_backend.get_first_byte_timeout_ms");
    }

    /**
     * The between-bytes timeout.
     *
     * @return the timeout, or empty when the host does not report it
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Optional<Duration> betweenBytesTimeout() {
        int[] out = new int[1];
        return millis(
                calls.backendGetBetweenBytesTimeoutMs(nameBytes, out),
                out,
                "fastly_backend.get_between_bytes_timeout_ms");
    }

    /**
     * How long an idle pooled connection stays open.
     *
     * @return the time, or empty when the host does not report it
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Optional<Duration> httpKeepaliveTime() {
        int[] out = new int[1];
        return millis(calls.backendGetHttpKeepaliveTime(nameBytes, out), out, "fastly_backend.get_http_keepalive_time");
    }

    /**
     * Whether TCP keepalive probes are sent.
     *
     * @return true when they are
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public boolean tcpKeepalive() {
        int[] out = new int[1];
        return present(calls.backendGetTcpKeepaliveEnable(nameBytes, out), "fastly_backend.get_tcp_keepalive_enable")
                && out[0] != 0;
    }

    /**
     * The interval between TCP keepalive probes.
     *
     * @return the interval, or empty
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Optional<Duration> tcpKeepaliveInterval() {
        int[] out = new int[1];
        return present(
                        calls.backendGetTcpKeepaliveInterval(nameBytes, out),
                        "fastly_backend.get_tcp_keepalive_interval")
                ? Optional.of(Duration.ofSeconds((out[0] & 0xFFFFFFFFL)))
                : Optional.empty();
    }

    /**
     * How many unanswered TCP keepalive probes end a connection.
     *
     * @return the count, or empty
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public OptionalInt tcpKeepaliveProbes() {
        int[] out = new int[1];
        return present(calls.backendGetTcpKeepaliveProbes(nameBytes, out), "fastly_backend.get_tcp_keepalive_probes")
                ? OptionalInt.of(out[0])
                : OptionalInt.empty();
    }

    /**
     * How long a connection is idle before TCP keepalive probes start.
     *
     * @return the time, or empty
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Optional<Duration> tcpKeepaliveTime() {
        int[] out = new int[1];
        return present(calls.backendGetTcpKeepaliveTime(nameBytes, out), "fastly_backend.get_tcp_keepalive_time")
                ? Optional.of(Duration.ofSeconds((out[0] & 0xFFFFFFFFL)))
                : Optional.empty();
    }

    /**
     * Whether requests go over TLS.
     *
     * @return true for TLS
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public boolean isSsl() {
        int[] out = new int[1];
        return present(calls.backendIsSsl(nameBytes, out), "fastly_backend.is_ssl") && out[0] != 0;
    }

    /**
     * The lowest TLS version accepted.
     *
     * @return the version, or empty when not set or not reported
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Optional<TlsVersion> sslMinVersion() {
        int[] out = new int[1];
        return present(calls.backendGetSslMinVersion(nameBytes, out), "fastly_backend.get_ssl_min_version")
                ? Optional.ofNullable(TlsVersion.fromCode(out[0]))
                : Optional.empty();
    }

    /**
     * The highest TLS version accepted.
     *
     * @return the version, or empty when not set or not reported
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Optional<TlsVersion> sslMaxVersion() {
        int[] out = new int[1];
        return present(calls.backendGetSslMaxVersion(nameBytes, out), "fastly_backend.get_ssl_max_version")
                ? Optional.ofNullable(TlsVersion.fromCode(out[0]))
                : Optional.empty();
    }

    /**
     * Whether the program registered this backend at run time.
     *
     * @return true for a dynamic backend
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public boolean isDynamic() {
        int[] out = new int[1];
        return present(calls.backendIsDynamic(nameBytes, out), "fastly_backend.is_dynamic") && out[0] != 0;
    }

    /**
     * What the host's health checks say now.
     *
     * @return the health, {@link BackendHealth#UNKNOWN} when not reported
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public BackendHealth health() {
        int[] out = new int[1];
        return present(calls.backendIsHealthy(nameBytes, out), "fastly_backend.is_healthy")
                ? BackendHealth.fromCode(out[0])
                : BackendHealth.UNKNOWN;
    }

    /** OK is present; none and unsupported are absent; anything else throws. */
    private static boolean present(int status, String hostcall) {
        if (status == FastlyStatus.NONE || status == FastlyStatus.UNSUPPORTED) {
            return false;
        }
        Statuses.check(status, hostcall);
        return true;
    }

    private static Optional<Duration> millis(int status, int[] out, String hostcall) {
        return present(status, hostcall) ? Optional.of(Duration.ofMillis((out[0] & 0xFFFFFFFFL))) : Optional.empty();
    }

    private static Optional<String> string(AdaptiveBuffer.Getter getter, String hostcall) {
        int[] probe = new int[1];
        byte[] first = new byte[HOST_BUFFER];
        int status = getter.get(first, first.length, probe);
        if (status == FastlyStatus.NONE || status == FastlyStatus.UNSUPPORTED) {
            return Optional.empty();
        }
        if (status == FastlyStatus.OK) {
            return Optional.of(Text.latin1(first, 0, probe[0]));
        }
        byte[] b = AdaptiveBuffer.get(getter, Math.max(probe[0], HOST_BUFFER * 2), hostcall);
        return b == null ? Optional.empty() : Optional.of(Text.latin1(b, 0, b.length));
    }

    @Override
    public String toString() {
        return "Backend{" + name + "}";
    }
}
