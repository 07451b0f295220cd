package io.github.computejava.abi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every function a Compute program may import, with its core WebAssembly signature: Fastly's hostcalls
 * (lowered from Fastly's witx files by {@code scripts/witx.py}) and WASI preview 1.
 *
 * <p>Used by the build to refuse a {@code main.wasm} that would not link on Fastly, and by the local server to
 * offer a host function for every import. Never compiled into {@code main.wasm}.
 */
public final class AbiSignatures {
    private static final String FASTLY = "fastly-abi.txt";
    private static final String WASI = "wasi-preview1.txt";
    private static volatile AbiSignatures instance;

    private final Map<String, Signature> byKey;

    /** One function's module, name and lowered types ({@code i32}, {@code i64}, {@code f32}, {@code f64}). */
    public static final class Signature {
        private final String module;
        private final String name;
        private final List<String> params;
        private final List<String> results;

        Signature(String module, String name, List<String> params, List<String> results) {
            this.module = module;
            this.name = name;
            this.params = params;
            this.results = results;
        }

        public String module() {
            return module;
        }

        public String name() {
            return name;
        }

        public List<String> params() {
            return params;
        }

        public List<String> results() {
            return results;
        }

        /** The signature in the table's notation: {@code (i32 i64) -> (i32)}. */
        public String types() {
            return "(" + String.join(" ", params) + ") -> (" + String.join(" ", results) + ")";
        }

        @Override
        public String toString() {
            return module + "." + name + " " + types();
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Signature)) {
                return false;
            }
            Signature s = (Signature) o;
            return module.equals(s.module)
                    && name.equals(s.name)
                    && params.equals(s.params)
                    && results.equals(s.results);
        }

        @Override
        public int hashCode() {
            return Objects.hash(module, name, params, results);
        }
    }

    private AbiSignatures(Map<String, Signature> byKey) {
        this.byKey = byKey;
    }

    /** The table shipped with this SDK. */
    public static AbiSignatures load() {
        AbiSignatures loaded = instance;
        if (loaded == null) {
            Map<String, Signature> map = new LinkedHashMap<>();
            read(FASTLY, map);
            read(WASI, map);
            loaded = new AbiSignatures(Collections.unmodifiableMap(map));
            instance = loaded;
        }
        return loaded;
    }

    /** The signature of {@code module.name}, or null when the ABI has no such function. */
    public Signature find(String module, String name) {
        return byKey.get(module + "." + name);
    }

    /** Every function, Fastly's first. */
    public Iterable<Signature> all() {
        return byKey.values();
    }

    /** How many functions the table holds. */
    public int size() {
        return byKey.size();
    }

    private static void read(String resource, Map<String, Signature> into) {
        try (InputStream in = AbiSignatures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                Signature s = parse(line);
                into.put(s.module + "." + s.name, s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Signature parse(String line) {
        int firstSpace = line.indexOf(' ');
        int secondSpace = line.indexOf(' ', firstSpace + 1);
        int arrow = line.indexOf("->");
        if (firstSpace < 0 || secondSpace < 0 || arrow < 0) {
            throw new IllegalArgumentException("bad signature line: " + line);
        }
        return new Signature(
                line.substring(0, firstSpace),
                line.substring(firstSpace + 1, secondSpace),
                types(line.substring(secondSpace + 1, arrow)),
                types(line.substring(arrow + 2)));
    }

    private static List<String> types(String group) {
        String inner = group.trim();
        if (!inner.startsWith("(") || !inner.endsWith(")")) {
            throw new IllegalArgumentException("bad type list: " + group);
        }
        inner = inner.substring(1, inner.length() - 1).trim();
        return inner.isEmpty() ? List.of() : List.copyOf(Arrays.asList(inner.split("\\s+")));
    }
}
