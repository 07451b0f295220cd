package io.github.computejava.internal.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.abi.AbiSignatures;
import io.github.computejava.abi.Hostcalls;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.teavm.interop.Address;
import org.teavm.interop.Import;

/**
 * Every guest binding imports the function its method is named after, with Fastly's exact lowered signature, so
 * a program calling any of them links on Fastly (bindings a program does not call never reach its main.wasm, so
 * the build's link check alone would not see a wrong one).
 */
class GuestBindingsTest {
    private static final AbiSignatures ABI = AbiSignatures.load();

    @Test
    void eachModuleIsBoundByItsOwnClass() throws Exception {
        for (Method accessor : Hostcalls.class.getMethods()) {
            Class<?> module = accessor.getReturnType();
            Object binding = accessor.invoke(HostcallsWasm.INSTANCE);
            assertTrue(module.isInstance(binding), accessor.getName());
            String expected = module.getSimpleName().replaceFirst("^Fastly", "") + "Guest";
            assertEquals("Wasm", binding.getClass().getSimpleName(), accessor.getName());
            assertEquals(expected, binding.getClass().getEnclosingClass().getSimpleName(), accessor.getName());
        }
    }

    @Test
    void everyMethodCallsOneImportOfItsWitxFunctionWithFastlysSignature() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Method accessor : Hostcalls.class.getMethods()) {
            Class<?> module = accessor.getReturnType();
            Class<?> binding = accessor.invoke(HostcallsWasm.INSTANCE).getClass();
            String witxModule = null;
            for (Method m : module.getMethods()) {
                Method imp = importFor(binding, m.getName());
                if (imp == null) {
                    problems.add(binding.getSimpleName() + " has no import for " + m.getName());
                    continue;
                }
                Import annotation = imp.getAnnotation(Import.class);
                if (witxModule == null) {
                    witxModule = annotation.module();
                }
                if (!annotation.module().equals(witxModule)) {
                    problems.add(imp + " imports from " + annotation.module() + ", not " + witxModule);
                }
                if (!annotation.name().equals(witx(m.getName()))) {
                    problems.add(imp + " imports " + annotation.name() + ", not " + witx(m.getName()));
                }
                AbiSignatures.Signature s = ABI.find(annotation.module(), annotation.name());
                if (s == null) {
                    problems.add(imp + " imports a function Fastly does not provide");
                } else if (!s.types().equals(lowered(imp))) {
                    problems.add(imp + " is " + lowered(imp) + ", Fastly's is " + s.types());
                }
                checked++;
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked > 200, "checked " + checked);
    }

    /** The native {@code <method>Import} ({@code newImport} for {@code new_}). */
    private static Method importFor(Class<?> binding, String method) {
        String name = method.replaceFirst("_$", "") + "Import";
        for (Method m : binding.getDeclaredMethods()) {
            if (m.getName().equals(name)
                    && Modifier.isNative(m.getModifiers())
                    && m.isAnnotationPresent(Import.class)) {
                return m;
            }
        }
        return null;
    }

    /** The witx name of a method: camelCase back to snake_case, {@code new_} to {@code new}. */
    private static String witx(String method) {
        if (method.equals("new_")) {
            return "new";
        }
        return method.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    private static String lowered(Method m) {
        List<String> params = new ArrayList<>();
        for (Class<?> p : m.getParameterTypes()) {
            params.add(type(p));
        }
        assertNotNull(m.getReturnType());
        return "(" + String.join(" ", params) + ") -> (" + type(m.getReturnType()) + ")";
    }

    private static String type(Class<?> c) {
        if (c == int.class || c == Address.class) {
            return "i32";
        }
        if (c == long.class) {
            return "i64";
        }
        throw new IllegalArgumentException("no Wasm type for " + c);
    }
}
