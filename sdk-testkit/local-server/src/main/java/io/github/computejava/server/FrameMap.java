package io.github.computejava.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The Java frames behind a {@code main.wasm}'s call site ids, written by the build beside the module ({@code
 * bin/main.wasm.frames.json}) so the module itself carries no names: for every call site the class, method, file
 * and line of each location it stands for (several when calls were inlined), and where the program's shadow stack
 * lives in linear memory. The local server reads it to print Java stack traces for uncaught exceptions and traps.
 * A map records the SHA-256 of the module it was written for; one that does not match is refused.
 */
public final class FrameMap {
    /** What the file's name adds to the module's. */
    public static final String SUFFIX = ".frames.json";

    private static final int FORMAT = 1;

    private final String moduleSha256;
    private final List<Method> methods;
    private final List<int[]> callSites;
    private final int stackTop;
    private final int stackBase;
    private final int pendingException;

    /** A method a location is in. */
    public static final class Method {
        final String className;
        final String name;
        final String file;
        final boolean constructsThrowable;

        /**
         * @param className the class, as Java names it
         * @param name the method's name
         * @param file the source file's name, or null when unknown
         * @param constructsThrowable whether it is a throwable's constructor or {@code fillInStackTrace}, which a
         *     JVM leaves out of the throwable's trace
         */
        public Method(String className, String name, String file, boolean constructsThrowable) {
            this.className = Objects.requireNonNull(className, "className");
            this.name = Objects.requireNonNull(name, "name");
            this.file = file;
            this.constructsThrowable = constructsThrowable;
        }
    }

    /**
     * @param moduleSha256 the module's SHA-256, lower-case hex
     * @param methods the methods locations refer to
     * @param callSites for each call site id, (method index, line) pairs from the innermost location out
     * @param stackTop the address of the shadow stack's top pointer
     * @param stackBase the address of the shadow stack's base pointer
     * @param pendingException the address of the exception being thrown, or 0 when unknown
     */
    public FrameMap(
            String moduleSha256,
            List<Method> methods,
            List<int[]> callSites,
            int stackTop,
            int stackBase,
            int pendingException) {
        this.moduleSha256 = Objects.requireNonNull(moduleSha256, "moduleSha256");
        this.methods = List.copyOf(methods);
        this.callSites = List.copyOf(callSites);
        for (int[] site : this.callSites) {
            if (site.length % 2 != 0) {
                throw new IllegalArgumentException("callSites: (method, line) pairs, got " + site.length + " ints");
            }
            for (int i = 0; i < site.length; i += 2) {
                if (site[i] < 0 || site[i] >= this.methods.size()) {
                    throw new IllegalArgumentException("callSites: no method " + site[i]);
                }
            }
        }
        this.stackTop = stackTop;
        this.stackBase = stackBase;
        this.pendingException = pendingException;
    }

    /** Where the map of {@code wasm} is: beside it, its name with {@link #SUFFIX} added. */
    public static Path beside(Path wasm) {
        return wasm.resolveSibling(wasm.getFileName() + SUFFIX);
    }

    /** The SHA-256 of a module, lower-case hex. */
    public static String sha256(byte[] module) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(module));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * Writes the map, replacing the file at once.
     *
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("format", FORMAT);
        json.addProperty("moduleSha256", moduleSha256);
        JsonObject stack = new JsonObject();
        stack.addProperty("top", stackTop);
        stack.addProperty("base", stackBase);
        stack.addProperty("pendingException", pendingException);
        json.add("shadowStack", stack);
        JsonArray ms = new JsonArray();
        for (Method m : methods) {
            JsonArray a = new JsonArray();
            a.add(m.className);
            a.add(m.name);
            a.add(m.file == null ? JsonNull.INSTANCE : new JsonPrimitive(m.file));
            a.add(m.constructsThrowable);
            ms.add(a);
        }
        json.add("methods", ms);
        JsonArray sites = new JsonArray();
        for (int[] site : callSites) {
            JsonArray a = new JsonArray();
            for (int v : site) {
                a.add(v);
            }
            sites.add(a);
        }
        json.add("callSites", sites);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "frames", ".tmp");
        try {
            Files.writeString(temp, json.toString(), StandardCharsets.UTF_8);
            try {
                // readable as main.wasm is (a temporary file starts private)
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Reads a map.
     *
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException if it is not a frame map of a format this server reads
     */
    public static FrameMap read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            int format = json.get("format").getAsInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException(file + " is a frame map of format " + format + ", not " + FORMAT);
            }
            JsonObject stack = json.getAsJsonObject("shadowStack");
            List<Method> methods = new ArrayList<>();
            for (JsonElement e : json.getAsJsonArray("methods")) {
                JsonArray a = e.getAsJsonArray();
                methods.add(new Method(
                        a.get(0).getAsString(),
                        a.get(1).getAsString(),
                        a.get(2).isJsonNull() ? null : a.get(2).getAsString(),
                        a.get(3).getAsBoolean()));
            }
            List<int[]> sites = new ArrayList<>();
            for (JsonElement e : json.getAsJsonArray("callSites")) {
                JsonArray a = e.getAsJsonArray();
                int[] site = new int[a.size()];
                for (int i = 0; i < site.length; i++) {
                    site[i] = a.get(i).getAsInt();
                }
                sites.add(site);
            }
            return new FrameMap(
                    json.get("moduleSha256").getAsString(),
                    methods,
                    sites,
                    stack.get("top").getAsInt(),
                    stack.get("base").getAsInt(),
                    stack.get("pendingException").getAsInt());
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            throw new IllegalArgumentException(file + " is not a frame map: " + e.getMessage(), e);
        }
    }

    /** Whether this map was written for {@code module}. */
    public boolean matches(byte[] module) {
        return moduleSha256.equals(sha256(module));
    }

    /** How many call sites the map knows. */
    public int callSiteCount() {
        return callSites.size();
    }

    /**
     * The Java frames of a trace given as call site ids (innermost first), each id expanded into its inlined
     * locations; frames of a throwable's own construction at the top, and locations TeaVM generated with no
     * source, are left out, as a JVM leaves them out. An id the map does not know reads as {@code
     * main.wasm.callSite(id)}.
     */
    public List<StackTraceElement> frames(List<Integer> callSiteIds) {
        List<StackTraceElement> out = new ArrayList<>();
        boolean top = true;
        for (int id : callSiteIds) {
            if (id < 0 || id >= callSites.size()) {
                out.add(new StackTraceElement("main.wasm", "callSite", null, id));
                top = false;
                continue;
            }
            int[] site = callSites.get(id);
            for (int i = 0; i < site.length; i += 2) {
                Method m = methods.get(site[i]);
                int line = site[i + 1];
                if (top && m.constructsThrowable) {
                    continue;
                }
                top = false;
                if (m.file == null && line < 0) {
                    continue;
                }
                out.add(new StackTraceElement(m.className, m.name, m.file, line));
            }
        }
        return out;
    }

    int stackTop() {
        return stackTop;
    }

    int stackBase() {
        return stackBase;
    }

    int pendingException() {
        return pendingException;
    }
}
