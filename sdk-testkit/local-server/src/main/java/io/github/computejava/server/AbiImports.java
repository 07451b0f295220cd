package io.github.computejava.server;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.ValType;
import io.github.computejava.abi.AbiSignatures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The host functions of the Wasm door: one {@link Hostcall} for every function of Fastly's ABI (those no group
 * implements answer {@code unsupported}), each with the exact lowered signature of {@link AbiSignatures}, so
 * any conforming program links. Hostcalls come from {@link ImportGroup}s, one class per witx module or area.
 */
final class AbiImports {
    /** The WASI module every Compute program may import. */
    static final String WASI = "wasi_snapshot_preview1";

    private final AbiSignatures abi;
    private final Map<String, Hostcall> hostcalls;

    private AbiImports(AbiSignatures abi, Map<String, Hostcall> hostcalls) {
        this.abi = abi;
        this.hostcalls = hostcalls;
    }

    /** Every group the local server implements. */
    static AbiImports standard() {
        return of(
                new RuntimeImports(),
                new BodyImports(),
                new HttpReqImports(),
                new HttpRespImports(),
                new DownstreamImports(),
                new LogImports(),
                new BackendImports(),
                new StoreImports(),
                new AsyncIoImports(),
                new GeoImports(),
                new AclImports(),
                new RateLimitImports(),
                new CacheImports(),
                new PurgeImports(),
                new HttpCacheImports(),
                new UnsupportedImports());
    }

    /**
     * The hostcalls of the given groups.
     *
     * @throws IllegalArgumentException if a group registers a function outside Fastly's ABI, or one twice
     */
    static AbiImports of(ImportGroup... groups) {
        AbiSignatures abi = AbiSignatures.load();
        Map<String, Hostcall> map = new LinkedHashMap<>();
        ImportGroup.Registrar registrar = (module, name, hostcall) -> {
            AbiSignatures.Signature s = abi.find(module, name);
            if (s == null || module.equals(WASI)) {
                throw new IllegalArgumentException(module + "." + name + " is not a function of Fastly's ABI");
            }
            if (map.putIfAbsent(module + "." + name, hostcall) != null) {
                throw new IllegalArgumentException(module + "." + name + " is registered twice");
            }
        };
        for (ImportGroup g : groups) {
            g.register(registrar);
        }
        return new AbiImports(abi, Collections.unmodifiableMap(map));
    }

    /** The hostcall for a Fastly function: its implementation, or one answering {@code unsupported}. */
    Hostcall hostcall(String module, String name) {
        return hostcalls.getOrDefault(module + "." + name, Hostcall.UNSUPPORTED);
    }

    /** The Fastly functions that answer {@code unsupported}, in the ABI table's order. */
    List<AbiSignatures.Signature> unsupported() {
        List<AbiSignatures.Signature> out = new ArrayList<>();
        for (AbiSignatures.Signature s : abi.all()) {
            if (!s.module().equals(WASI) && hostcall(s.module(), s.name()) == Hostcall.UNSUPPORTED) {
                out.add(s);
            }
        }
        return out;
    }

    /** The Fastly functions that are implemented. */
    List<AbiSignatures.Signature> implemented() {
        List<AbiSignatures.Signature> out = new ArrayList<>();
        for (AbiSignatures.Signature s : abi.all()) {
            if (!s.module().equals(WASI) && hostcall(s.module(), s.name()) != Hostcall.UNSUPPORTED) {
                out.add(s);
            }
        }
        return out;
    }

    /** Every Fastly function (not WASI) of the ABI table. */
    List<AbiSignatures.Signature> fastlyFunctions() {
        List<AbiSignatures.Signature> out = new ArrayList<>();
        for (AbiSignatures.Signature s : abi.all()) {
            if (!s.module().equals(WASI)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The Chicory type of an ABI signature. */
    static FunctionType type(AbiSignatures.Signature s) {
        return FunctionType.of(valTypes(s.params()), valTypes(s.results()));
    }

    /**
     * Resolves a module's imports: a binding for each, or a list of problems (imports Fastly does not provide,
     * or with another signature; a missing memory or {@code _start} export).
     *
     * @throws ProgramException naming every problem
     */
    List<Binding> link(WasmModule module, String programName) {
        List<Binding> bindings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int count = module.importSection().importCount();
        for (int i = 0; i < count; i++) {
            Import imp = module.importSection().getImport(i);
            String where = imp.module() + "." + imp.name();
            if (imp.importType() != ExternalType.FUNCTION) {
                problems.add("imports " + imp.importType().name().toLowerCase(java.util.Locale.ROOT) + " " + where
                        + ", which Fastly does not provide");
                continue;
            }
            FunctionType type = module.typeSection().getType(((FunctionImport) imp).typeIndex());
            AbiSignatures.Signature s = abi.find(imp.module(), imp.name());
            if (s == null) {
                problems.add("imports " + where + ", which Fastly does not provide");
                continue;
            }
            FunctionType expected = type(s);
            if (!expected.equals(type)) {
                problems.add("imports " + where + " as " + describe(type) + ", but Fastly's is " + s.types());
                continue;
            }
            bindings.add(new Binding(
                    imp.module(),
                    imp.name(),
                    type,
                    imp.module().equals(WASI) ? null : hostcall(imp.module(), imp.name())));
        }
        boolean hasStart = false;
        boolean hasMemory = false;
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            var e = module.exportSection().getExport(i);
            hasStart |= e.name().equals("_start") && e.exportType() == ExternalType.FUNCTION;
            hasMemory |= e.name().equals("memory") && e.exportType() == ExternalType.MEMORY;
        }
        if (!hasStart) {
            problems.add("does not export a _start function");
        }
        if (!hasMemory) {
            problems.add("does not export its memory as \"memory\"");
        }
        if (!problems.isEmpty()) {
            throw new ProgramException(programName + " cannot run on Fastly: it " + String.join("; it ", problems));
        }
        return bindings;
    }

    /** One import of a program: a Fastly hostcall, or (with a null hostcall) a WASI function. */
    static final class Binding {
        final String module;
        final String name;
        final FunctionType type;
        final Hostcall hostcall;

        Binding(String module, String name, FunctionType type, Hostcall hostcall) {
            this.module = module;
            this.name = name;
            this.type = type;
            this.hostcall = hostcall;
        }
    }

    private static List<ValType> valTypes(List<String> names) {
        List<ValType> out = new ArrayList<>(names.size());
        for (String n : names) {
            switch (n) {
                case "i32":
                    out.add(ValType.I32);
                    break;
                case "i64":
                    out.add(ValType.I64);
                    break;
                case "f32":
                    out.add(ValType.F32);
                    break;
                case "f64":
                    out.add(ValType.F64);
                    break;
                default:
                    throw new IllegalArgumentException("unknown value type " + n);
            }
        }
        return out;
    }

    private static String describe(FunctionType t) {
        List<String> p = new ArrayList<>();
        for (ValType v : t.params()) {
            p.add(name(v));
        }
        List<String> r = new ArrayList<>();
        for (ValType v : t.returns()) {
            r.add(name(v));
        }
        return "(" + String.join(" ", p) + ") -> (" + String.join(" ", r) + ")";
    }

    private static String name(ValType v) {
        if (v.equals(ValType.I32)) {
            return "i32";
        }
        if (v.equals(ValType.I64)) {
            return "i64";
        }
        if (v.equals(ValType.F32)) {
            return "f32";
        }
        if (v.equals(ValType.F64)) {
            return "f64";
        }
        return v.toString();
    }
}
