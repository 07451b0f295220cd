package io.github.computejava.plugin;

import io.github.computejava.host.config.ConfigException;
import io.github.computejava.host.config.FastlyToml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;

/** The parts of a project's {@code fastly.toml} the build needs, validated. */
public final class FastlyManifest {
    private final Path file;
    private final String name;

    private FastlyManifest(Path file, String name) {
        this.file = file;
        this.name = name;
    }

    /**
     * Reads and checks a manifest, through the engine's reader of {@code fastly.toml} (the one the local server
     * and the testkit use).
     *
     * @throws BuildException when the file is missing, is not valid TOML, or lacks a usable {@code name}
     */
    public static FastlyManifest read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BuildException("No fastly.toml at " + file + ": a Compute project needs one (see the"
                    + " README for a minimal manifest)");
        }
        FastlyToml toml;
        try {
            toml = FastlyToml.read(file);
        } catch (ConfigException e) {
            throw new BuildException(e.getMessage(), e);
        }
        String name = toml.name()
                .orElseThrow(() ->
                        new BuildException(file + " must set name = \"...\" (it names the package pkg/<name>.tar.gz)"));
        return new FastlyManifest(file, name);
    }

    public Path file() {
        return file;
    }

    /** The service name as written. */
    public String name() {
        return name;
    }

    /** The package base name, made safe the way Fastly's CLI does it: {@code My App_1.0} becomes {@code My-App-1-0}. */
    public String packageName() {
        return packageName(name);
    }

    static String packageName(String name) {
        String s = name.replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("Ä", "Ae")
                .replace("Ö", "Oe")
                .replace("Ü", "Ue")
                .replace("ß", "ss");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.replaceAll("[ &_=+:/.]", "-");
        s = s.replaceAll("[^A-Za-z0-9-]", "");
        while (s.contains("--")) {
            s = s.replace("--", "-");
        }
        return s.isEmpty() ? "package" : s;
    }
}
