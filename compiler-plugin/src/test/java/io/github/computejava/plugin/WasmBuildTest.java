package io.github.computejava.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.abi.AbiSignatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles small programs with the real TeaVM pipeline and checks what reaches main.wasm. */
class WasmBuildTest {
    @TempDir
    Path dir;

    private WasmBuild build(String mainClass) {
        return FixtureBuilds.wasmBuild(mainClass, dir.resolve("bin/main.wasm"), dir.resolve("work"));
    }

    @Test
    void helloImportsOnlyWasiAndFastlyHostcallsWithTheirExactSignatures() throws IOException {
        WasmBuild.Result result =
                build("io.github.computejava.plugin.fixtures.HelloProgram").run();
        byte[] wasm = Files.readAllBytes(result.wasm());
        assertEquals(result.size(), wasm.length);
        AbiSignatures abi = AbiSignatures.load();
        Set<String> modules =
                result.imports().stream().map(ImportCheck.ModuleImport::module).collect(Collectors.toSet());
        assertTrue(modules.contains("fastly_http_req"), modules.toString());
        for (ImportCheck.ModuleImport imp : result.imports()) {
            AbiSignatures.Signature expected = abi.find(imp.module(), imp.name());
            assertTrue(expected != null, "unexpected import " + imp);
            assertEquals(expected.types(), imp.types(), imp.toString());
        }
        assertEquals(List.of(), new ImportCheck(abi).problems(wasm, java.util.Map.of()));
        // only what a Fastly host calls is exported: TeaVM's runtime helpers for JavaScript hosts are not
        com.dylibso.chicory.wasm.WasmModule module = com.dylibso.chicory.wasm.Parser.parse(wasm);
        Set<String> exports = new java.util.TreeSet<>();
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            exports.add(module.exportSection().getExport(i).name());
        }
        assertEquals(Set.of("_start", "memory"), exports);
    }

    @Test
    void exportTrimKeepsTheModuleWhenThereIsNothingToDropAndRefusesAMalformedOne() {
        byte[] empty = {0, 'a', 's', 'm', 1, 0, 0, 0};
        assertTrue(ExportTrim.keepOnly(empty, Set.of("_start")) == empty);
        // an export section that claims more bytes than the module has
        byte[] truncated = {0, 'a', 's', 'm', 1, 0, 0, 0, 7, 9, 1};
        assertThrows(IllegalArgumentException.class, () -> ExportTrim.keepOnly(truncated, Set.of("_start")));
        assertThrows(IllegalArgumentException.class, () -> ExportTrim.keepOnly(new byte[] {1, 2}, Set.of()));
    }

    @Test
    void jdkCallsTeaVmWouldImportAreRewritten() throws IOException {
        WasmBuild.Result result =
                build("io.github.computejava.plugin.fixtures.JdkRuntimeProgram").run();
        for (ImportCheck.ModuleImport imp : result.imports()) {
            assertFalse(imp.module().startsWith("teavm"), "still imports " + imp);
        }
        assertTrue(
                result.imports().stream().anyMatch(i -> i.name().equals("poll_oneoff")),
                result.imports().toString());
    }

    @Test
    void aForbiddenImportFailsTheBuildNamingItAndTheJavaMethodAndLeavesNoWasm() throws IOException {
        Path output = dir.resolve("bin/main.wasm");
        Files.createDirectories(output.getParent());
        Files.writeString(output, "stale");
        BuildException e = assertThrows(
                BuildException.class, () -> build("io.github.computejava.plugin.fixtures.ForbiddenImportProgram")
                        .run());
        assertTrue(e.getMessage().contains("env.forbidden_call"), e.getMessage());
        assertTrue(e.getMessage().contains("ForbiddenImportProgram.forbiddenCall"), e.getMessage());
        assertTrue(e.getMessage().contains("ForbiddenImportProgram.useIt"), e.getMessage());
        assertFalse(Files.exists(output), "a failed build must not leave main.wasm behind");
    }

    @Test
    void aMissingMainClassIsAClearError() {
        BuildException e = assertThrows(
                BuildException.class, () -> build("com.example.DoesNotExist").run());
        assertTrue(e.getMessage().contains("com.example.DoesNotExist"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("bin/main.wasm")));
    }

    @Test
    void builderRejectsBadSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WasmBuild.builder()
                .mainClass("x.Y")
                .output(dir.resolve("o"))
                .workDirectory(dir)
                .minHeapSize(1024)
                .build());
        assertTrue(e.getMessage().startsWith("minHeapSize"), e.getMessage());
    }
}
