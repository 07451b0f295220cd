package io.github.computejava.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.abi.AbiSignatures;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AbiImportsTest {
    private final AbiImports abi = AbiImports.standard();

    @Test
    void everyFastlyFunctionHasAHostcall() {
        List<AbiSignatures.Signature> all = abi.fastlyFunctions();
        assertEquals(251, all.size());
        assertEquals(all.size(), abi.implemented().size() + abi.unsupported().size());
        for (AbiSignatures.Signature s : all) {
            assertTrue(abi.hostcall(s.module(), s.name()) != null, s.toString());
        }
    }

    @Test
    void aProgramImportingEveryFastlyFunctionLinks() {
        WasmAssembler a = new WasmAssembler();
        for (AbiSignatures.Signature s : abi.fastlyFunctions()) {
            a.importFunction(s.module(), s.name(), types(s.params()), types(s.results()));
        }
        a.start(0, c -> {});

        WasmProgram program = WasmProgram.load("all.wasm", a.build(), WasmProgram.Execution.INTERPRETED);

        assertEquals(251, program.importCount());
    }

    @Test
    void theUnsupportedFunctionsAreTheServicesALocalServerCannotOffer() {
        Set<String> modules = abi.unsupported().stream()
                .map(AbiSignatures.Signature::module)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(
                Set.of(
                        "fastly_device_detection",
                        "fastly_http_downstream",
                        "fastly_http_req",
                        "fastly_image_optimizer",
                        "fastly_shielding",
                        "fastly_uap"),
                modules);
        Set<String> partial = abi.unsupported().stream()
                .filter(s -> s.module().equals("fastly_http_req") || s.module().equals("fastly_http_downstream"))
                .map(s -> s.module() + "." + s.name())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(
                new TreeSet<>(List.of(
                        "fastly_http_downstream.downstream_visits_this_pop",
                        "fastly_http_downstream.downstream_visits_this_service",
                        "fastly_http_req.inspect",
                        "fastly_http_req.on_behalf_of",
                        "fastly_http_req.redirect_to_grip_proxy",
                        "fastly_http_req.redirect_to_grip_proxy_v2",
                        "fastly_http_req.redirect_to_websocket_proxy",
                        "fastly_http_req.redirect_to_websocket_proxy_v2",
                        "fastly_http_req.upgrade_websocket")),
                partial);
    }

    @Test
    void aGroupCannotRegisterAFunctionOutsideTheAbiOrTwice() {
        IllegalArgumentException unknown = assertThrows(
                IllegalArgumentException.class,
                () -> AbiImports.of(r -> r.add("fastly_http_req", "teleport", Hostcall.UNSUPPORTED)));
        assertTrue(unknown.getMessage().contains("fastly_http_req.teleport is not a function of Fastly's ABI"));
        IllegalArgumentException twice =
                assertThrows(IllegalArgumentException.class, () -> AbiImports.of(new BodyImports(), new BodyImports()));
        assertTrue(twice.getMessage().contains("registered twice"));
        assertThrows(
                IllegalArgumentException.class,
                () -> AbiImports.of(r -> r.add("wasi_snapshot_preview1", "fd_write", Hostcall.UNSUPPORTED)));
    }

    /**
     * Any arguments a program passes end in a status, never in an exception that would take the server down:
     * handles, pointers and lengths are all checked. ({@code fastly_async_io.select} is left out: with no handles
     * it waits for its timeout, as it should.)
     */
    @Property(tries = 300)
    void anyArgumentsGiveAStatus(
            @ForAll @IntRange(min = 0, max = 250) int function, @ForAll @Size(14) List<Integer> raw) {
        AbiSignatures.Signature s = abi.fastlyFunctions().get(function);
        if (s.module().equals("fastly_async_io") && s.name().equals("select")) {
            return;
        }
        GuestHarness g = new GuestHarness();
        long[] args = new long[s.params().size()];
        for (int i = 0; i < args.length; i++) {
            int v = raw.get(i);
            // mix small handles, in-memory pointers and arbitrary values
            args[i] = s.params().get(i).equals("i64") ? (long) v : (v % 3 == 0 ? Math.floorMod(v, 8) : v);
        }
        int status = g.call(s.module(), s.name(), args);
        assertTrue(status >= 0 && status <= 14, s + " returned " + status);
    }

    private static byte[] types(List<String> names) {
        byte[] out = new byte[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = names.get(i).equals("i64") ? WasmAssembler.I64 : WasmAssembler.I32;
        }
        return out;
    }
}
