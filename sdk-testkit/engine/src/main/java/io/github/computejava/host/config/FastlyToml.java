package io.github.computejava.host.config;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;

/**
 * A project's {@code fastly.toml}, read once: the top-level keys the build uses ({@code name},
 * {@code manifest_version}, {@code language}, their types checked) and the {@code [local_server]} section the
 * engine is seeded from ({@link #localServer}). The only reader of the file: the Maven plugin's build, the local
 * server and the testkit all go through it.
 */
public final class FastlyToml {
    private final Path file;
    private final TomlParseResult toml;

    private FastlyToml(Path file, TomlParseResult toml) {
        this.file = file;
        this.toml = toml;
    }

    /**
     * Reads and parses a {@code fastly.toml}, checking the types of its top-level keys.
     *
     * @param file the file
     * @return the manifest
     * @throws ConfigException naming the file (and the line) when it is missing, cannot be read, is not valid TOML,
     *     or a top-level key has the wrong type
     * @throws NullPointerException if {@code file} is null
     */
    public static FastlyToml read(Path file) {
        Objects.requireNonNull(file, "file");
        TomlParseResult toml;
        try {
            toml = Toml.parse(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file", e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (toml.hasErrors()) {
            TomlParseError first = toml.errors().get(0);
            throw new ConfigException(file + ":" + at(first.position()) + ": is not valid TOML: " + first.getMessage());
        }
        if (toml.contains("name") && !toml.isString("name")) {
            throw new ConfigException(file + ":" + at(toml.inputPositionOf("name")) + ": name must be a string");
        }
        if (toml.contains("manifest_version") && !toml.isLong("manifest_version")) {
            throw new ConfigException(file + ":" + at(toml.inputPositionOf("manifest_version"))
                    + ": manifest_version must be an integer");
        }
        if (toml.contains("language") && !toml.isString("language")) {
            throw new ConfigException(
                    file + ":" + at(toml.inputPositionOf("language")) + ": language must be a string");
        }
        return new FastlyToml(file, toml);
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** The service name ({@code name}), when given and not blank. */
    public Optional<String> name() {
        String name = toml.getString("name");
        return name == null || name.isBlank() ? Optional.empty() : Optional.of(name);
    }

    /** {@code manifest_version}, when given. */
    public Optional<Long> manifestVersion() {
        return Optional.ofNullable(toml.getLong("manifest_version"));
    }

    /** {@code language}, when given. */
    public Optional<String> language() {
        return Optional.ofNullable(toml.getString("language"));
    }

    /**
     * The {@code [local_server]} section (empty when there is none), files it names read relative to the file's
     * directory and secret values of {@code env} entries taken from {@code environment}.
     *
     * @param environment the environment variables
     * @return the section
     * @throws ConfigException naming the file, line and problem when the section is malformed
     */
    public LocalServerConfig localServer(Function<String, String> environment) {
        return LocalServerConfig.of(this, toml, Objects.requireNonNull(environment, "environment"));
    }

    static String at(TomlPosition p) {
        return p == null ? "?" : p.line() + ":" + p.column();
    }
}
