package io.github.computejava.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.abi.AbiSignatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache packages compile to Fastly's exact cache imports. */
class CacheWasmBuildTest {
    @TempDir
    Path dir;

    @Test
    void everyCacheBindingMatchesTheWitx() throws Exception {
        WasmBuild.Result result = FixtureBuilds.wasmBuild(
                        "io.github.computejava.plugin.fixtures.CacheProgram",
                        dir.resolve("bin/main.wasm"),
                        dir.resolve("work"))
                .run();
        AbiSignatures abi = AbiSignatures.load();
        Set<String> cacheImports = new TreeSet<>();
        for (ImportCheck.ModuleImport imp : result.imports()) {
            AbiSignatures.Signature expected = abi.find(imp.module(), imp.name());
            assertTrue(expected != null, "unexpected import " + imp);
            assertEquals(expected.types(), imp.types(), imp.toString());
            if (imp.module().equals("fastly_cache") || imp.module().equals("fastly_purge")) {
                cacheImports.add(imp.module() + "." + imp.name());
            }
        }
        assertEquals(
                new TreeSet<>(List.of(
                        "fastly_cache.cache_busy_handle_wait",
                        "fastly_cache.close",
                        "fastly_cache.close_busy",
                        "fastly_cache.get_age_ns",
                        "fastly_cache.get_body",
                        "fastly_cache.get_hits",
                        "fastly_cache.get_length",
                        "fastly_cache.get_max_age_ns",
                        "fastly_cache.get_stale_while_revalidate_ns",
                        "fastly_cache.get_state",
                        "fastly_cache.get_user_metadata",
                        "fastly_cache.insert",
                        "fastly_cache.lookup",
                        "fastly_cache.replace",
                        "fastly_cache.replace_get_age_ns",
                        "fastly_cache.replace_get_body",
                        "fastly_cache.replace_get_hits",
                        "fastly_cache.replace_get_length",
                        "fastly_cache.replace_get_max_age_ns",
                        "fastly_cache.replace_get_stale_while_revalidate_ns",
                        "fastly_cache.replace_get_state",
                        "fastly_cache.replace_get_user_metadata",
                        "fastly_cache.replace_insert",
                        "fastly_cache.transaction_cancel",
                        "fastly_cache.transaction_insert",
                        "fastly_cache.transaction_insert_and_stream_back",
                        "fastly_cache.transaction_lookup",
                        "fastly_cache.transaction_lookup_async",
                        "fastly_cache.transaction_update",
                        "fastly_purge.purge_surrogate_key")),
                cacheImports);
        assertEquals(List.of(), new ImportCheck(abi).problems(Files.readAllBytes(result.wasm()), Map.of()));
    }
}
