package io.github.computejava.host.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.computejava.host.ExecutionLimits;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.edge.AccessControlList;
import io.github.computejava.host.edge.Geolocation;
import io.github.computejava.host.store.KvStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * The {@code [local_server]} section of a {@code fastly.toml} (read by {@link FastlyToml}), in the formats Fastly's CLI documents: backends,
 * config stores (also called dictionaries), KV stores (also called object stores), secret stores,
 * geolocation and ACLs. Files named in it are read relative to the {@code fastly.toml}'s directory. {@link
 * #applyTo(HostEngine.Builder)} seeds an engine with it.
 *
 * <pre>{@code
 * LocalServerConfig config = LocalServerConfig.read(Path.of("fastly.toml"));
 * HostEngine engine = config.applyTo(HostEngine.builder()).build();
 * }</pre>
 */
public final class LocalServerConfig {
    /** A KV store entry as configured. */
    public static final class KvEntry {
        private final byte[] value;
        private final byte[] metadata;

        KvEntry(byte[] value, byte[] metadata) {
            this.value = value;
            this.metadata = metadata;
        }

        /** A copy of the value. */
        public byte[] value() {
            return value.clone();
        }

        /** A copy of the metadata, empty when none was set. */
        public byte[] metadata() {
            return metadata == null ? new byte[0] : metadata.clone();
        }
    }

    private final Map<String, Backend> backends;
    private final Map<String, Map<String, String>> configStores;
    private final Map<String, Map<String, KvEntry>> kvStores;
    private final Map<String, Map<String, byte[]>> secretStores;
    private final Geolocation geolocation;
    private final Map<String, AccessControlList> acls;
    private final Map<String, Long> limits;
    private final boolean dynamicBackends;
    private final List<String> dynamicBackendHosts;

    /**
     * The settings of {@code [local_server.limits]} (and {@code --limit NAME=VALUE}), each a whole number: the
     * execution limits of {@link ExecutionLimits} and the server's own.
     */
    public static final List<String> LIMIT_NAMES = List.of(
            "cpu_time_ms",
            "run_time_ms",
            "heap_mb",
            "backend_requests",
            "dictionary_lookups",
            "dynamic_backends",
            "handles",
            "buffered_body_mb",
            "output_line_bytes",
            "max_instances",
            "queue_timeout_ms",
            "pooled_memories",
            "pooled_instances",
            "header_timeout_ms");

    private LocalServerConfig(LocalServerConfig base, Map<String, Long> limits) {
        this.backends = base.backends;
        this.configStores = base.configStores;
        this.kvStores = base.kvStores;
        this.secretStores = base.secretStores;
        this.geolocation = base.geolocation;
        this.acls = base.acls;
        this.limits = Collections.unmodifiableMap(limits);
        this.dynamicBackends = base.dynamicBackends;
        this.dynamicBackendHosts = base.dynamicBackendHosts;
    }

    private LocalServerConfig(Reader r) {
        this.backends = Collections.unmodifiableMap(r.backends);
        this.configStores = Collections.unmodifiableMap(r.configStores);
        this.kvStores = Collections.unmodifiableMap(r.kvStores);
        this.secretStores = Collections.unmodifiableMap(r.secretStores);
        this.geolocation = r.geolocation;
        this.acls = Collections.unmodifiableMap(r.acls);
        this.limits = Collections.unmodifiableMap(r.limits);
        this.dynamicBackends = r.dynamicBackends;
        this.dynamicBackendHosts = List.copyOf(r.dynamicBackendHosts);
    }

    /** A configuration with nothing in it (no {@code fastly.toml}). */
    public static LocalServerConfig empty() {
        return new LocalServerConfig(new Reader(null, Path.of("."), System::getenv));
    }

    /**
     * Reads the {@code [local_server]} section of a {@code fastly.toml}.
     *
     * @param file the {@code fastly.toml}
     * @return the configuration
     * @throws ConfigException naming the file, line and problem when the file cannot be read, is not valid TOML
     *     or the section is malformed
     */
    public static LocalServerConfig read(Path file) {
        return read(file, System::getenv);
    }

    /**
     * Reads a {@code fastly.toml}, taking secret values of {@code env} entries from {@code environment}.
     *
     * @throws ConfigException naming the file, line and problem
     */
    public static LocalServerConfig read(Path file, Function<String, String> environment) {
        return FastlyToml.read(file).localServer(environment);
    }

    /** The section of a parsed {@link FastlyToml}. */
    static LocalServerConfig of(FastlyToml manifest, TomlParseResult toml, Function<String, String> environment) {
        Path file = manifest.file();
        Path dir = file.toAbsolutePath().getParent();
        Reader r = new Reader(file, dir, environment);
        TomlTable local = r.table(toml, "local_server", "local_server", true);
        if (local != null) {
            r.read(local);
        }
        return new LocalServerConfig(r);
    }

    /** The backends by name. */
    public Map<String, Backend> backends() {
        return backends;
    }

    /** The config stores (and dictionaries) by name. */
    public Map<String, Map<String, String>> configStores() {
        return configStores;
    }

    /** The KV stores (and object stores) by name. */
    public Map<String, Map<String, KvEntry>> kvStores() {
        return kvStores;
    }

    /** The secret stores by name: secret name to plaintext. */
    public Map<String, Map<String, byte[]>> secretStores() {
        return secretStores;
    }

    /** What {@code fastly_geo.lookup} answers. */
    public Geolocation geolocation() {
        return geolocation;
    }

    /** The ACLs by name. */
    public Map<String, AccessControlList> acls() {
        return acls;
    }

    /** The settings of {@code [local_server.limits]} that were given, by name (see {@link #LIMIT_NAMES}). */
    public Map<String, Long> limitSettings() {
        return limits;
    }

    /**
     * This configuration with one limit changed (the command line's {@code --limit NAME=VALUE}).
     *
     * @param name one of {@link #LIMIT_NAMES}
     * @param value a whole number, 0 to turn the limit off
     * @return the changed configuration
     * @throws IllegalArgumentException naming the setting when the name is unknown or the value is not a whole
     *     number of 0 or more
     */
    public LocalServerConfig withLimit(String name, String value) {
        if (!LIMIT_NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown limit " + name + "; the limits are " + LIMIT_NAMES);
        }
        long v;
        try {
            v = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            v = -1;
        }
        if (v < 0 || (name.equals("max_instances") && v == 0)) {
            throw new IllegalArgumentException("limit " + name + " must be a whole number of "
                    + (name.equals("max_instances") ? "1" : "0") + " or more, not " + value);
        }
        Map<String, Long> changed = new LinkedHashMap<>(limits);
        changed.put(name, v);
        return new LocalServerConfig(this, changed);
    }

    /** The execution limits: Fastly's, changed by the settings given. */
    public ExecutionLimits executionLimits() {
        ExecutionLimits.Builder b = ExecutionLimits.builder();
        limits.forEach((name, v) -> {
            switch (name) {
                case "cpu_time_ms":
                    b.cpuTime(Duration.ofMillis(v));
                    break;
                case "run_time_ms":
                    b.runTime(Duration.ofMillis(v));
                    break;
                case "heap_mb":
                    b.heapBytes(v << 20);
                    break;
                case "backend_requests":
                    b.backendRequests((int) Math.min(v, Integer.MAX_VALUE));
                    break;
                case "dictionary_lookups":
                    b.dictionaryLookups((int) Math.min(v, Integer.MAX_VALUE));
                    break;
                case "dynamic_backends":
                    b.dynamicBackends((int) Math.min(v, Integer.MAX_VALUE));
                    break;
                case "handles":
                    b.handles((int) Math.min(v, Integer.MAX_VALUE));
                    break;
                case "buffered_body_mb":
                    b.bufferedBodyBytes(v << 20);
                    break;
                case "output_line_bytes":
                    b.outputLineBytes((int) Math.min(v, Integer.MAX_VALUE));
                    break;
                default:
                    break;
            }
        });
        return b.build();
    }

    /** Whether programs may register dynamic backends ({@code [local_server.dynamic_backends] enabled}). */
    public boolean dynamicBackendsEnabled() {
        return dynamicBackends;
    }

    /** The hosts dynamic backends may reach ({@code allowed_hosts}); empty for any. */
    public List<String> dynamicBackendHosts() {
        return dynamicBackendHosts;
    }

    /**
     * Adds everything configured to an engine builder, KV stores on {@code clock}.
     *
     * @param builder the engine's builder
     * @param clock the clock the KV stores read (the engine's)
     * @return the builder
     */
    public HostEngine.Builder applyTo(HostEngine.Builder builder, InstantSource clock) {
        backends.values().forEach(builder::backend);
        configStores.forEach(builder::configStore);
        kvStores.forEach((name, entries) -> {
            KvStore store = new KvStore(clock);
            entries.forEach((k, e) -> store.insert(k, e.value, KvStore.InsertMode.OVERWRITE, e.metadata, null, null));
            builder.kvStore(name, store);
        });
        secretStores.forEach(builder::secretStore);
        builder.geolocation(geolocation);
        acls.forEach(builder::acl);
        builder.limits(executionLimits());
        builder.allowDynamicBackends(dynamicBackends);
        builder.dynamicBackendHosts(dynamicBackendHosts);
        return builder;
    }

    /** {@link #applyTo(HostEngine.Builder, InstantSource)} with the system clock. */
    public HostEngine.Builder applyTo(HostEngine.Builder builder) {
        return applyTo(builder, InstantSource.system());
    }

    private static String at(TomlPosition p) {
        return FastlyToml.at(p);
    }

    /** Reads the section, collecting what it finds. */
    private static final class Reader {
        private final Path file;
        private final Path dir;
        private final Function<String, String> environment;
        final Map<String, Backend> backends = new LinkedHashMap<>();
        final Map<String, Map<String, String>> configStores = new LinkedHashMap<>();
        final Map<String, Map<String, KvEntry>> kvStores = new LinkedHashMap<>();
        final Map<String, Map<String, byte[]>> secretStores = new LinkedHashMap<>();
        Geolocation geolocation = Geolocation.DEFAULT;
        final Map<String, AccessControlList> acls = new LinkedHashMap<>();
        final Map<String, Long> limits = new LinkedHashMap<>();
        boolean dynamicBackends = true;
        final List<String> dynamicBackendHosts = new java.util.ArrayList<>();

        Reader(Path file, Path dir, Function<String, String> environment) {
            this.file = file;
            this.dir = dir;
            this.environment = environment;
        }

        void read(TomlTable local) {
            TomlTable b = table(local, "backends", "local_server.backends", false);
            if (b != null) {
                for (String name : b.keySet()) {
                    backends.put(name, backend(table(b, name, "local_server.backends." + name, true), name));
                }
            }
            for (String section : List.of("config_stores", "dictionaries")) {
                TomlTable t = table(local, section, "local_server." + section, false);
                if (t != null) {
                    for (String name : t.keySet()) {
                        configStores.put(name, configStore(t, name, "local_server." + section + "." + name));
                    }
                }
            }
            for (String section : List.of("kv_stores", "object_stores", "object_store")) {
                TomlTable t = table(local, section, "local_server." + section, false);
                if (t != null) {
                    for (String name : t.keySet()) {
                        kvStores.put(name, kvStore(t, name, "local_server." + section + "." + name));
                    }
                }
            }
            TomlTable s = table(local, "secret_stores", "local_server.secret_stores", false);
            if (s != null) {
                for (String name : s.keySet()) {
                    secretStores.put(name, secretStore(s, name, "local_server.secret_stores." + name));
                }
            }
            TomlTable g = table(local, "geolocation", "local_server.geolocation", false);
            if (g != null) {
                geolocation = geolocation(g);
            }
            TomlTable a = table(local, "acls", "local_server.acls", false);
            if (a != null) {
                for (String name : a.keySet()) {
                    acls.put(name, acl(a, name, "local_server.acls." + name));
                }
            }
            TomlTable l = table(local, "limits", "local_server.limits", false);
            if (l != null) {
                for (String name : l.keySet()) {
                    String where = "local_server.limits." + name;
                    if (!LIMIT_NAMES.contains(name)) {
                        throw error(l, name, where + " is not a limit; the limits are " + LIMIT_NAMES);
                    }
                    long min = name.equals("max_instances") ? 1 : 0;
                    if (!l.isLong(List.of(name)) || l.getLong(List.of(name)) < min) {
                        throw error(l, name, where + " must be a whole number of " + min + " or more");
                    }
                    limits.put(name, l.getLong(List.of(name)));
                }
            }
            TomlTable d = table(local, "dynamic_backends", "local_server.dynamic_backends", false);
            if (d != null) {
                String where = "local_server.dynamic_backends";
                for (String key : d.keySet()) {
                    if (!key.equals("enabled") && !key.equals("allowed_hosts")) {
                        throw error(d, key, where + "." + key + " is not a setting; use enabled or allowed_hosts");
                    }
                }
                if (d.contains(List.of("enabled"))) {
                    if (!d.isBoolean(List.of("enabled"))) {
                        throw error(d, "enabled", where + ".enabled must be true or false");
                    }
                    dynamicBackends = d.getBoolean(List.of("enabled"));
                }
                if (d.contains(List.of("allowed_hosts"))) {
                    if (!d.isArray(List.of("allowed_hosts"))) {
                        throw error(d, "allowed_hosts", where + ".allowed_hosts must be an array of host names");
                    }
                    TomlArray hosts = d.getArray(List.of("allowed_hosts"));
                    for (int i = 0; i < hosts.size(); i++) {
                        Object h = hosts.get(i);
                        if (!(h instanceof String) || ((String) h).isBlank()) {
                            throw error(
                                    d,
                                    "allowed_hosts",
                                    where + ".allowed_hosts must hold host names" + " (host, host:port or *.domain)");
                        }
                        dynamicBackendHosts.add(((String) h).trim());
                    }
                }
            }
        }

        /** An ACL given as the name of its JSON file, or as a table with {@code file} (as Viceroy reads it). */
        private AccessControlList acl(TomlTable parent, String name, String where) {
            TomlTable at = parent;
            String key = name;
            String fileName;
            if (parent.isString(List.of(name))) {
                fileName = parent.getString(List.of(name));
            } else if (parent.isTable(List.of(name))) {
                at = parent.getTable(List.of(name));
                key = "file";
                fileName = string(at, "file", where, true);
            } else {
                throw error(parent, name, where + " must be the name of a JSON file or a table with file");
            }
            Path p = dir.resolve(fileName);
            String text;
            try {
                text = Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw error(at, key, where + ": cannot read " + p + ": " + e.getMessage());
            }
            try {
                return AccessControlList.parse(text);
            } catch (IllegalArgumentException e) {
                throw error(at, key, where + ": " + p + ": " + e.getMessage());
            }
        }

        private Backend backend(TomlTable t, String name) {
            String where = "local_server.backends." + name;
            String url = string(t, "url", where, true);
            Backend.Builder b;
            try {
                b = Backend.builder(name).url(url);
            } catch (IllegalArgumentException e) {
                throw error(t, "url", where + ".url: " + e.getMessage());
            }
            String overrideHost = string(t, "override_host", where, false);
            if (overrideHost != null) {
                b.overrideHost(overrideHost);
            }
            String certHost = string(t, "cert_host", where, false);
            if (certHost != null) {
                b.certHost(certHost);
            }
            if (t.contains(List.of("use_sni"))) {
                if (!t.isBoolean(List.of("use_sni"))) {
                    throw error(t, "use_sni", where + ".use_sni must be true or false");
                }
                b.useSni(t.getBoolean(List.of("use_sni")));
            }
            if (t.contains(List.of("ca_certificate"))) {
                for (java.security.cert.X509Certificate ca :
                        caCertificates(t, t.get(List.of("ca_certificate")), where)) {
                    b.caCertificate(ca);
                }
            }
            Duration connect = millis(t, "connect_timeout_ms", where);
            if (connect != null) {
                b.connectTimeout(connect);
            }
            Duration firstByte = millis(t, "first_byte_timeout_ms", where);
            if (firstByte != null) {
                b.firstByteTimeout(firstByte);
            }
            Duration betweenBytes = millis(t, "between_bytes_timeout_ms", where);
            if (betweenBytes != null) {
                b.betweenBytesTimeout(betweenBytes);
            }
            return b.build();
        }

        /** {@code ca_certificate}: PEM text, a table with {@code file} or {@code value}, or an array of those. */
        private List<java.security.cert.X509Certificate> caCertificates(TomlTable t, Object value, String where) {
            List<java.security.cert.X509Certificate> out = new java.util.ArrayList<>();
            if (value instanceof TomlArray) {
                TomlArray array = (TomlArray) value;
                for (int i = 0; i < array.size(); i++) {
                    out.addAll(caCertificates(t, array.get(i), where));
                }
                return out;
            }
            String pem;
            if (value instanceof String) {
                pem = (String) value;
            } else if (value instanceof TomlTable && ((TomlTable) value).isString(List.of("file"))) {
                Path p = dir.resolve(((TomlTable) value).getString(List.of("file")));
                try {
                    pem = Files.readString(p, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw error(
                            t, "ca_certificate", where + ".ca_certificate: cannot read " + p + ": " + e.getMessage());
                }
            } else if (value instanceof TomlTable && ((TomlTable) value).isString(List.of("value"))) {
                pem = ((TomlTable) value).getString(List.of("value"));
            } else {
                throw error(
                        t,
                        "ca_certificate",
                        where + ".ca_certificate must be PEM text, a table with file or"
                                + " value, or an array of those");
            }
            try {
                for (java.security.cert.Certificate c : java.security.cert.CertificateFactory.getInstance("X.509")
                        .generateCertificates(new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)))) {
                    out.add((java.security.cert.X509Certificate) c);
                }
            } catch (java.security.cert.CertificateException e) {
                throw error(t, "ca_certificate", where + ".ca_certificate is not a PEM certificate: " + e.getMessage());
            }
            if (out.isEmpty()) {
                throw error(t, "ca_certificate", where + ".ca_certificate holds no certificate");
            }
            return out;
        }

        private Duration millis(TomlTable t, String key, String where) {
            if (!t.contains(List.of(key))) {
                return null;
            }
            if (!t.isLong(List.of(key)) || t.getLong(List.of(key)) <= 0) {
                throw error(t, key, where + "." + key + " must be a positive number of milliseconds");
            }
            return Duration.ofMillis(t.getLong(List.of(key)));
        }

        private Map<String, String> configStore(TomlTable parent, String name, String where) {
            TomlTable t = table(parent, name, where, true);
            String format = string(t, "format", where, true);
            Map<String, String> entries = new LinkedHashMap<>();
            switch (format) {
                case "inline-toml": {
                    TomlTable contents = table(t, "contents", where + ".contents", true);
                    for (String key : contents.keySet()) {
                        if (!contents.isString(List.of(key))) {
                            throw error(contents, key, where + ".contents." + key + " must be a string");
                        }
                        entries.put(key, contents.getString(List.of(key)));
                    }
                    return entries;
                }
                case "json": {
                    String fileName = string(t, "file", where, true);
                    JsonObject json = jsonObject(t, "file", fileName, where);
                    for (Map.Entry<String, JsonElement> e : json.entrySet()) {
                        if (!e.getValue().isJsonPrimitive()
                                || !e.getValue().getAsJsonPrimitive().isString()) {
                            throw error(t, "file", fileName + ": the value of \"" + e.getKey() + "\" is not a string");
                        }
                        entries.put(e.getKey(), e.getValue().getAsString());
                    }
                    return entries;
                }
                default:
                    throw error(
                            t, "format", where + ".format must be \"inline-toml\" or \"json\", not \"" + format + "\"");
            }
        }

        private Map<String, KvEntry> kvStore(TomlTable parent, String name, String where) {
            Map<String, KvEntry> entries = new LinkedHashMap<>();
            if (parent.isTable(List.of(name))) {
                TomlTable t = parent.getTable(List.of(name));
                String fileName = jsonFileName(t, where);
                JsonObject json = jsonObject(t, "file", fileName, where);
                for (Map.Entry<String, JsonElement> e : json.entrySet()) {
                    String key = e.getKey();
                    checkKvKey(t, "file", key, where);
                    JsonElement v = e.getValue();
                    if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()) {
                        entries.put(key, new KvEntry(v.getAsString().getBytes(StandardCharsets.UTF_8), null));
                    } else if (v.isJsonObject()) {
                        JsonObject o = v.getAsJsonObject();
                        byte[] value = dataOrFile(
                                t, "file", jsonString(o, "data"), jsonString(o, "file"), fileName + " \"" + key + "\"");
                        String metadata = jsonString(o, "metadata");
                        entries.put(
                                key,
                                new KvEntry(
                                        value, metadata == null ? null : metadata.getBytes(StandardCharsets.UTF_8)));
                    } else {
                        throw error(
                                t,
                                "file",
                                fileName + ": \"" + key + "\" must be a string or an object with data" + " or file");
                    }
                }
                return entries;
            }
            eachEntry(parent, name, where, (entry, item) -> {
                String key = string(entry, "key", item, true);
                checkKvKey(entry, "key", key, item);
                String fileField = entry.contains(List.of("file")) ? "file" : "path";
                byte[] value = dataOrFile(
                        entry,
                        "key",
                        string(entry, "data", item, false),
                        string(entry, fileField, item, false),
                        item + " (\"" + key + "\")");
                String metadata = string(entry, "metadata", item, false);
                entries.put(
                        key, new KvEntry(value, metadata == null ? null : metadata.getBytes(StandardCharsets.UTF_8)));
            });
            return entries;
        }

        private void checkKvKey(TomlTable t, String field, String key, String where) {
            if (!KvStore.isValidKey(key)) {
                throw error(t, field, where + ": \"" + key + "\" is not a valid KV store key");
            }
        }

        private Map<String, byte[]> secretStore(TomlTable parent, String name, String where) {
            Map<String, byte[]> secrets = new LinkedHashMap<>();
            if (parent.isTable(List.of(name))) {
                TomlTable t = parent.getTable(List.of(name));
                String fileName = jsonFileName(t, where);
                JsonObject json = jsonObject(t, "file", fileName, where);
                for (Map.Entry<String, JsonElement> e : json.entrySet()) {
                    if (!e.getValue().isJsonPrimitive()
                            || !e.getValue().getAsJsonPrimitive().isString()) {
                        throw error(t, "file", fileName + ": the secret \"" + e.getKey() + "\" is not a string");
                    }
                    secrets.put(e.getKey(), e.getValue().getAsString().getBytes(StandardCharsets.UTF_8));
                }
                return secrets;
            }
            eachEntry(parent, name, where, (entry, item) -> {
                String key = string(entry, "key", item, true);
                String data = string(entry, "data", item, false);
                String fileName = string(entry, "file", item, false);
                String env = string(entry, "env", item, false);
                int set = (data != null ? 1 : 0) + (fileName != null ? 1 : 0) + (env != null ? 1 : 0);
                if (set != 1) {
                    throw error(entry, "key", item + " (\"" + key + "\") needs exactly one of data, file or env");
                }
                byte[] value;
                if (env != null) {
                    String v = environment.apply(env);
                    if (v == null) {
                        throw error(entry, "env", item + ": the environment variable " + env + " is not set");
                    }
                    value = v.getBytes(StandardCharsets.UTF_8);
                } else {
                    value = dataOrFile(entry, "key", data, fileName, item);
                }
                secrets.put(key, value);
            });
            return secrets;
        }

        /** The file of a store given as a table {@code {file, format}}, whose format must be {@code json}. */
        private String jsonFileName(TomlTable t, String where) {
            String format = string(t, "format", where, true);
            if (!format.equals("json")) {
                throw error(t, "format", where + ".format must be \"json\", not \"" + format + "\"");
            }
            return string(t, "file", where, true);
        }

        /**
         * Reads each entry of a store given as an array of tables, in order, with the name of the entry for
         * messages ({@code where[i]}); anything else is an error.
         */
        private void eachEntry(TomlTable parent, String name, String where, BiConsumer<TomlTable, String> reader) {
            if (!parent.isArray(List.of(name))) {
                throw error(parent, name, where + " must be an array of entries or a table with file and format");
            }
            TomlArray array = parent.getArray(List.of(name));
            for (int i = 0; i < array.size(); i++) {
                if (!(array.get(i) instanceof TomlTable)) {
                    throw new ConfigException(
                            file + ":" + at(array.inputPositionOf(i)) + ": " + where + "[" + i + "] must be a table");
                }
                reader.accept((TomlTable) array.get(i), where + "[" + i + "]");
            }
        }

        private Geolocation geolocation(TomlTable t) {
            String where = "local_server.geolocation";
            boolean loopback = true;
            if (t.contains(List.of("use_default_loopback"))) {
                if (!t.isBoolean(List.of("use_default_loopback"))) {
                    throw error(t, "use_default_loopback", where + ".use_default_loopback must be true or false");
                }
                loopback = t.getBoolean(List.of("use_default_loopback"));
            }
            Map<InetAddress, JsonObject> addresses = new LinkedHashMap<>();
            String format = string(t, "format", where, false);
            if (format == null) {
                return new Geolocation(addresses, loopback);
            }
            switch (format) {
                case "inline-toml": {
                    TomlTable a = table(t, "addresses", where + ".addresses", true);
                    for (String ip : a.keySet()) {
                        TomlTable data = table(a, ip, where + ".addresses." + ip, true);
                        JsonObject o = new JsonObject();
                        for (String field : data.keySet()) {
                            Object v = data.get(List.of(field));
                            if (v instanceof String) {
                                o.addProperty(field, (String) v);
                            } else if (v instanceof Number) {
                                o.addProperty(field, (Number) v);
                            } else if (v instanceof Boolean) {
                                o.addProperty(field, (Boolean) v);
                            } else {
                                throw error(
                                        data,
                                        field,
                                        where + ".addresses." + ip + "." + field
                                                + " must be a string, number or boolean");
                            }
                        }
                        addresses.put(address(a, ip, where), o);
                    }
                    break;
                }
                case "json": {
                    String fileName = string(t, "file", where, true);
                    JsonObject json = jsonObject(t, "file", fileName, where);
                    for (Map.Entry<String, JsonElement> e : json.entrySet()) {
                        if (!e.getValue().isJsonObject()) {
                            throw error(t, "file", fileName + ": the data for " + e.getKey() + " is not an object");
                        }
                        addresses.put(
                                address(t, e.getKey(), where), e.getValue().getAsJsonObject());
                    }
                    break;
                }
                default:
                    throw error(
                            t, "format", where + ".format must be \"inline-toml\" or \"json\", not \"" + format + "\"");
            }
            return new Geolocation(addresses, loopback);
        }

        private InetAddress address(TomlTable t, String ip, String where) {
            if (!ip.matches("[0-9a-fA-F:.]+")) {
                throw error(t, ip, where + ": \"" + ip + "\" is not an IP address");
            }
            try {
                return InetAddress.getByName(ip);
            } catch (UnknownHostException e) {
                throw error(t, ip, where + ": \"" + ip + "\" is not an IP address");
            }
        }

        private byte[] dataOrFile(TomlTable t, String field, String data, String fileName, String where) {
            if ((data == null) == (fileName == null)) {
                throw error(t, field, where + " needs exactly one of data or file");
            }
            if (data != null) {
                return data.getBytes(StandardCharsets.UTF_8);
            }
            Path p = dir.resolve(fileName);
            try {
                return Files.readAllBytes(p);
            } catch (IOException e) {
                throw error(t, field, where + ": cannot read " + p + ": " + e.getMessage());
            }
        }

        private JsonObject jsonObject(TomlTable t, String field, String fileName, String where) {
            Path p = dir.resolve(fileName);
            String text;
            try {
                text = Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw error(t, field, where + ": cannot read " + p + ": " + e.getMessage());
            }
            try {
                JsonElement json = JsonParser.parseString(text);
                if (!json.isJsonObject()) {
                    throw error(t, field, where + ": " + p + " must hold a JSON object");
                }
                return json.getAsJsonObject();
            } catch (JsonParseException e) {
                throw error(t, field, where + ": " + p + " is not valid JSON: " + e.getMessage());
            }
        }

        private static String jsonString(JsonObject o, String key) {
            JsonElement e = o.get(key);
            return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
        }

        TomlTable table(TomlTable parent, String key, String where, boolean required) {
            if (!parent.contains(List.of(key))) {
                if (required && !where.equals("local_server")) {
                    throw new ConfigException(file + ": " + where + " is missing");
                }
                return null;
            }
            if (!parent.isTable(List.of(key))) {
                throw error(parent, key, where + " must be a table");
            }
            return parent.getTable(List.of(key));
        }

        private String string(TomlTable t, String key, String where, boolean required) {
            if (!t.contains(List.of(key))) {
                if (required) {
                    TomlPosition p = t.isEmpty()
                            ? null
                            : t.inputPositionOf(List.of(t.keySet().iterator().next()));
                    throw new ConfigException(
                            file + (p == null ? "" : ":" + at(p)) + ": " + where + "." + key + " is missing");
                }
                return null;
            }
            if (!t.isString(List.of(key))) {
                throw error(t, key, where + "." + key + " must be a string");
            }
            return t.getString(List.of(key));
        }

        private ConfigException error(TomlTable t, String key, String message) {
            TomlPosition p = t.inputPositionOf(List.of(key));
            return new ConfigException(file + (p == null ? "" : ":" + at(p)) + ": " + message);
        }
    }
}
