package io.github.computejava.plugin;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.ValType;
import io.github.computejava.abi.AbiSignatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks that a {@code main.wasm} links on Fastly: it exports {@code _start} and {@code memory}, and imports
 * only WASI preview 1 and Fastly hostcalls, each with exactly the ABI's signature.
 */
public final class ImportCheck {
    private final AbiSignatures abi;

    public ImportCheck(AbiSignatures abi) {
        this.abi = abi;
    }

    /** One import of a module, with its lowered signature. */
    public static final class ModuleImport {
        final String module;
        final String name;
        final String types;

        ModuleImport(String module, String name, String types) {
            this.module = module;
            this.name = name;
            this.types = types;
        }

        public String module() {
            return module;
        }

        public String name() {
            return name;
        }

        /** The signature as {@code (i32 i64) -> (i32)}, or the kind for a non-function import. */
        public String types() {
            return types;
        }

        @Override
        public String toString() {
            return module + "." + name + " " + types;
        }
    }

    /** Every import of a module. */
    public static List<ModuleImport> imports(byte[] wasm) {
        WasmModule module = Parser.parse(wasm);
        List<ModuleImport> imports = new ArrayList<>();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imp = module.importSection().getImport(i);
            String types;
            if (imp.importType() == ExternalType.FUNCTION) {
                FunctionType type = module.typeSection().getType(((FunctionImport) imp).typeIndex());
                types = "(" + names(type.params()) + ") -> (" + names(type.returns()) + ")";
            } else {
                types = imp.importType().name().toLowerCase(java.util.Locale.ROOT);
            }
            imports.add(new ModuleImport(imp.module(), imp.name(), types));
        }
        return imports;
    }

    /**
     * The problems that would stop {@code wasm} from linking on Fastly, each naming the import and, where
     * {@code sources} knows it, the Java method behind it.
     *
     * @param sources import key {@code module.name} to the declaring Java method and its callers
     */
    public List<String> problems(byte[] wasm, Map<String, List<String>> sources) {
        List<String> problems = new ArrayList<>();
        WasmModule module;
        try {
            module = Parser.parse(wasm);
        } catch (RuntimeException e) {
            problems.add("main.wasm is not a valid WebAssembly module: " + e.getMessage());
            return problems;
        }
        boolean start = false;
        boolean memory = false;
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            Export export = module.exportSection().getExport(i);
            start |= export.name().equals("_start") && export.exportType() == ExternalType.FUNCTION;
            memory |= export.name().equals("memory") && export.exportType() == ExternalType.MEMORY;
        }
        if (!start) {
            problems.add("main.wasm does not export the function _start");
        }
        if (!memory) {
            problems.add("main.wasm does not export its memory as \"memory\"");
        }
        for (ModuleImport imp : imports(wasm)) {
            AbiSignatures.Signature expected = abi.find(imp.module, imp.name);
            String problem = null;
            if (expected == null) {
                problem = "imports " + imp.module + "." + imp.name + ", which Fastly does not provide";
            } else if (!expected.types().equals(imp.types)) {
                problem = "imports " + imp.module + "." + imp.name + " as " + imp.types + " but Fastly's ABI has "
                        + expected.types();
            }
            if (problem != null) {
                List<String> chain = sources.get(imp.module + "." + imp.name);
                if (chain == null) {
                    chain = sources.get("." + imp.name);
                }
                if (chain != null && !chain.isEmpty()) {
                    problem += "; declared by " + chain.get(0);
                    if (chain.size() > 1) {
                        problem += ", called from " + String.join(" <- ", chain.subList(1, chain.size()));
                    }
                }
                problems.add(problem);
            }
        }
        return problems;
    }

    private static String names(List<ValType> types) {
        List<String> names = new ArrayList<>(types.size());
        for (ValType t : types) {
            names.add(
                    t.equals(ValType.I32)
                            ? "i32"
                            : t.equals(ValType.I64)
                                    ? "i64"
                                    : t.equals(ValType.F32) ? "f32" : t.equals(ValType.F64) ? "f64" : t.toString());
        }
        return String.join(" ", names);
    }
}
