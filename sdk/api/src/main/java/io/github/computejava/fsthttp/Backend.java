package io.github.computejava.fsthttp;

import io.github.computejava.internal.Text;
import io.github.computejava.internal.guest.BackendGuest;
import io.github.computejava.internal.guest.HttpReqGuest;
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
    private final String name;
    private final byte[] nameBytes;

    private Backend(String name) {
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
        return BackendGuest.exists(name);
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
        return new Backend(name);
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
        switch (HttpReqGuest.registerBackend(name, target, options.config())) {
            case HttpReqGuest.BackendConfig.REGISTERED:
                return new Backend(name);
            case HttpReqGuest.BackendConfig.NAME_IN_USE:
                throw new BackendRegistrationException(name, BackendRegistrationException.Reason.NAME_IN_USE);
            case HttpReqGuest.BackendConfig.DISALLOWED:
                throw new BackendRegistrationException(name, BackendRegistrationException.Reason.DISALLOWED);
            default:
                throw new BackendRegistrationException(name, BackendRegistrationException.Reason.INVALID);
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
        return Optional.ofNullable(BackendGuest.host(nameBytes));
    }

    /**
     * The {@code Host} header sent instead of the request's.
     *
     * @return the override, or empty
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Optional<String> hostOverride() {
        return Optional.ofNullable(BackendGuest.overrideHost(nameBytes));
    }

    /**
     * The port requests go to.
     *
     * @return the port, or empty
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public OptionalInt port() {
        long v = value(BackendGuest.PORT);
        return v < 0 ? OptionalInt.empty() : OptionalInt.of((int) v & 0xFFFF);
    }

    /**
     * The connect timeout.
     *
     * @return the timeout, or empty when the host does not report it
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Optional<Duration> connectTimeout() {
        return millis(BackendGuest.CONNECT_TIMEOUT_MS);
    }

    /**
     * The first-byte timeout.
     *
     * @return the timeout, or empty when the host does not report it
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Optional<Duration> firstByteTimeout() {
        return millis(BackendGuest.FIRST_BYTE_TIMEOUT_MS);
    }

    /**
     * The between-bytes timeout.
     *
     * @return the timeout, or empty when the host does not report it
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Optional<Duration> betweenBytesTimeout() {
        return millis(BackendGuest.BETWEEN_BYTES_TIMEOUT_MS);
    }

    /**
     * How long an idle pooled connection stays open.
     *
     * @return the time, or empty when the host does not report it
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Optional<Duration> httpKeepaliveTime() {
        return millis(BackendGuest.HTTP_KEEPALIVE_TIME_MS);
    }

    /**
     * Whether TCP keepalive probes are sent.
     *
     * @return true when they are
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public boolean tcpKeepalive() {
        return value(BackendGuest.TCP_KEEPALIVE_ENABLE) > 0;
    }

    /**
     * The interval between TCP keepalive probes.
     *
     * @return the interval, or empty
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Optional<Duration> tcpKeepaliveInterval() {
        long v = value(BackendGuest.TCP_KEEPALIVE_INTERVAL_SECS);
        return v < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(v));
    }

    /**
     * How many unanswered TCP keepalive probes end a connection.
     *
     * @return the count, or empty
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public OptionalInt tcpKeepaliveProbes() {
        long v = value(BackendGuest.TCP_KEEPALIVE_PROBES);
        return v < 0 ? OptionalInt.empty() : OptionalInt.of((int) v);
    }

    /**
     * How long a connection is idle before TCP keepalive probes start.
     *
     * @return the time, or empty
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Optional<Duration> tcpKeepaliveTime() {
        long v = value(BackendGuest.TCP_KEEPALIVE_TIME_SECS);
        return v < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(v));
    }

    /**
     * Whether requests go over TLS.
     *
     * @return true for TLS
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public boolean isSsl() {
        return value(BackendGuest.IS_SSL) > 0;
    }

    /**
     * The lowest TLS version accepted.
     *
     * @return the version, or empty when not set or not reported
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Optional<TlsVersion> sslMinVersion() {
        long v = value(BackendGuest.SSL_MIN_VERSION);
        return v < 0 ? Optional.empty() : Optional.ofNullable(TlsVersion.fromCode((int) v));
    }

    /**
     * The highest TLS version accepted.
     *
     * @return the version, or empty when not set or not reported
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Optional<TlsVersion> sslMaxVersion() {
        long v = value(BackendGuest.SSL_MAX_VERSION);
        return v < 0 ? Optional.empty() : Optional.ofNullable(TlsVersion.fromCode((int) v));
    }

    /**
     * Whether the program registered this backend at run time.
     *
     * @return true for a dynamic backend
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public boolean isDynamic() {
        return value(BackendGuest.IS_DYNAMIC) > 0;
    }

    /**
     * What the host's health checks say now.
     *
     * @return the health, {@link BackendHealth#UNKNOWN} when not reported
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public BackendHealth health() {
        long v = value(BackendGuest.IS_HEALTHY);
        return v < 0 ? BackendHealth.UNKNOWN : BackendHealth.fromCode((int) v);
    }

    /** OK is present; none and unsupported are absent; anything else throws. */
    /** A numeric fact of this backend, or -1 when the host does not know it. */
    private long value(int which) {
        return BackendGuest.value(nameBytes, which);
    }

    private Optional<Duration> millis(int which) {
        long v = value(which);
        return v < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(v));
    }

    @Override
    public String toString() {
        return "Backend{" + name + "}";
    }
}
