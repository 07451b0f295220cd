package io.github.computejava.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.abi.AbiSignatures;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks hand-assembled modules, so each rule is tested without a compiler in the loop. */
class ImportCheckTest {
    private final ImportCheck check = new ImportCheck(AbiSignatures.load());

    /** A module with one function import of type (params) -> (i32), and optionally the two required exports. */
    private static byte[] module(String module, String name, int[] params, boolean exports) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        // type section: (params) -> (i32), and () -> ()
        ByteArrayOutputStream types = new ByteArrayOutputStream();
        types.write(2);
        types.write(0x60);
        types.write(params.length);
        for (int p : params) {
            types.write(p);
        }
        types.write(1);
        types.write(0x7F);
        types.writeBytes(new byte[] {0x60, 0, 0});
        section(out, 1, types.toByteArray());
        ByteArrayOutputStream imports = new ByteArrayOutputStream();
        imports.write(1);
        name(imports, module);
        name(imports, name);
        imports.write(0);
        imports.write(0);
        section(out, 2, imports.toByteArray());
        section(out, 3, new byte[] {1, 1}); // one function of type 1
        section(out, 5, new byte[] {1, 0, 1}); // one memory, min 1 page
        if (exports) {
            ByteArrayOutputStream ex = new ByteArrayOutputStream();
            ex.write(2);
            name(ex, "_start");
            ex.write(0);
            ex.write(1); // function index 1 (after the import)
            name(ex, "memory");
            ex.write(2);
            ex.write(0);
            section(out, 7, ex.toByteArray());
        }
        section(out, 10, new byte[] {1, 2, 0, 0x0B});
        return out.toByteArray();
    }

    private static void section(ByteArrayOutputStream out, int id, byte[] body) {
        out.write(id);
        out.write(body.length);
        out.writeBytes(body);
    }

    private static void name(ByteArrayOutputStream out, String s) {
        out.write(s.length());
        out.writeBytes(s.getBytes());
    }

    private static final int I32 = 0x7F;
    private static final int I64 = 0x7E;

    @Test
    void acceptsAHostcallWithItsExactSignature() {
        byte[] wasm = module("fastly_http_body", "read", new int[] {I32, I32, I32, I32}, true);
        assertEquals(List.of(), check.problems(wasm, Map.of()));
    }

    @Test
    void rejectsAWrongSignature() {
        byte[] wasm = module("fastly_http_body", "read", new int[] {I32, I64, I32, I32}, true);
        List<String> problems = check.problems(wasm, Map.of());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("fastly_http_body.read as (i32 i64 i32 i32) -> (i32)"), problems.get(0));
        assertTrue(problems.get(0).contains("(i32 i32 i32 i32) -> (i32)"), problems.get(0));
    }

    @Test
    void rejectsAnUnknownImportAndNamesItsJavaSource() {
        byte[] wasm = module("teavmMath", "sin", new int[] {I32}, true);
        List<String> problems =
                check.problems(wasm, Map.of("teavmMath.sin", List.of("java.lang.Math.sin", "com.example.Main.handle")));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("teavmMath.sin, which Fastly does not provide"), problems.get(0));
        assertTrue(problems.get(0).contains("declared by java.lang.Math.sin"), problems.get(0));
        assertTrue(problems.get(0).contains("called from com.example.Main.handle"), problems.get(0));
    }

    @Test
    void requiresStartAndMemoryExports() {
        List<String> problems = check.problems(module("fastly_abi", "init", new int[] {I64}, false), Map.of());
        assertTrue(problems.contains("main.wasm does not export the function _start"), problems.toString());
        assertTrue(problems.contains("main.wasm does not export its memory as \"memory\""), problems.toString());
    }

    @Test
    void rejectsGarbage() {
        List<String> problems = check.problems(new byte[] {1, 2, 3}, Map.of());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("main.wasm is not a valid WebAssembly module"), problems.get(0));
    }
}
