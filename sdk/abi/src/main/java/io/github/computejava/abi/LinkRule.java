package io.github.computejava.abi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether a WebAssembly module links on Fastly: it exports {@code _start} and its memory as {@code memory}, and
 * imports only functions of Fastly's ABI and WASI preview 1 ({@link AbiSignatures}), each with exactly their
 * lowered signature. The build's link check and the local server both apply this rule; each reads the module
 * with its own parser.
 */
public final class LinkRule {
    private final AbiSignatures abi;

    /**
     * A rule over a table of signatures.
     *
     * @param abi the functions a program may import
     */
    public LinkRule(AbiSignatures abi) {
        this.abi = Objects.requireNonNull(abi, "abi");
    }

    /**
     * One import of a module.
     *
     * @param module the import's module
     * @param name the import's name
     * @param kind {@code function}, {@code memory}, {@code table} or {@code global}
     * @param types for a function, its lowered signature in the table's notation ({@code (i32 i64) -> (i32)});
     *     otherwise ignored
     */
    public record Import(String module, String name, String kind, String types) {
        /** A function import. */
        public static Import function(String module, String name, String types) {
            return new Import(module, name, "function", types);
        }

        /** {@code module.name}. */
        public String key() {
            return module + "." + name;
        }
    }

    /**
     * One reason a module would not link: its text continues a sentence about the module ("main.wasm " + text).
     *
     * @param importKey the {@code module.name} of the import at fault, or null for a missing export
     * @param text what is wrong, such as {@code imports env.f, which Fastly does not provide}
     */
    public record Problem(String importKey, String text) {}

    /** The exports a Fastly host calls: the function {@code _start} and the memory {@code memory}. */
    public static final java.util.Set<String> HOST_EXPORTS = java.util.Set.of("_start", "memory");

    /**
     * What stops a module from linking on Fastly, in import order, then the missing exports.
     *
     * @param imports the module's imports
     * @param exportsStart whether it exports a function {@code _start}
     * @param exportsMemory whether it exports a memory {@code memory}
     * @return the problems; empty when the module links
     */
    public List<Problem> problems(List<Import> imports, boolean exportsStart, boolean exportsMemory) {
        List<Problem> problems = new ArrayList<>();
        for (Import imp : imports) {
            String text = problem(imp);
            if (text != null) {
                problems.add(new Problem(imp.key(), text));
            }
        }
        if (!exportsStart) {
            problems.add(new Problem(null, "does not export the function _start"));
        }
        if (!exportsMemory) {
            problems.add(new Problem(null, "does not export its memory as \"memory\""));
        }
        return problems;
    }

    /** Why one import does not link, or null when it does. */
    public String problem(Import imp) {
        if (!imp.kind().equals("function")) {
            return "imports " + imp.kind() + " " + imp.key() + ", which Fastly does not provide";
        }
        AbiSignatures.Signature s = abi.find(imp.module(), imp.name());
        if (s == null) {
            return "imports " + imp.key() + ", which Fastly does not provide";
        }
        if (!s.types().equals(imp.types())) {
            return "imports " + imp.key() + " as " + imp.types() + ", but Fastly's is " + s.types();
        }
        return null;
    }
}
