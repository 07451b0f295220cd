package io.github.computejava.plugin.teavm;

import java.lang.reflect.Field;
import java.util.List;
import org.teavm.ast.InvocationExpr;
import org.teavm.ast.InvocationType;
import org.teavm.backend.wasm.TeaVMWasmHost;
import org.teavm.backend.wasm.WasmHeap;
import org.teavm.backend.wasm.WasmRuntime;
import org.teavm.backend.wasm.generate.WasmGenerationContext;
import org.teavm.backend.wasm.intrinsics.WasmIntrinsic;
import org.teavm.backend.wasm.intrinsics.WasmIntrinsicManager;
import org.teavm.backend.wasm.model.expression.WasmExpression;
import org.teavm.interop.Address;
import org.teavm.model.ClassHierarchy;
import org.teavm.model.FieldReference;
import org.teavm.model.MethodReference;
import org.teavm.model.lowlevel.CallSiteDescriptor;
import org.teavm.runtime.ExceptionHandling;
import org.teavm.vm.spi.TeaVMHost;
import org.teavm.vm.spi.TeaVMPlugin;

/**
 * Lets the build read, after TeaVM has generated {@code main.wasm}, which Java locations each call site id stands
 * for, and where in linear memory the shadow stack is: what the frame map beside {@code main.wasm} is written from.
 * TeaVM keeps its table of call sites to itself (it writes locations into the module only when names are kept, which
 * would grow {@code main.wasm}); the intrinsic that compiles {@link CallSiteTrace#callSiteId} is handed TeaVM's code
 * generator, and with it that table. Loaded by TeaVM as a plugin ({@code META-INF/services}); it collects only
 * while {@link #collect} is active on the compiling thread.
 */
public final class CallSitePlugin implements TeaVMPlugin {
    private static final ThreadLocal<Table> CURRENT = new ThreadLocal<>();

    /** What one compilation exposed; empty until TeaVM generates the first use of the intrinsic. */
    static final class Table {
        WasmGenerationContext context;
        ClassHierarchy hierarchy;
        int stackTopAddress;
        int stackBaseAddress;
        int pendingExceptionAddress;
        String failure;

        boolean found() {
            return context != null;
        }

        List<CallSiteDescriptor> callSites() {
            return context.callSites();
        }
    }

    /** Starts collecting for a compilation on this thread. */
    static Table collect() {
        Table table = new Table();
        CURRENT.set(table);
        return table;
    }

    /** Stops collecting on this thread. */
    static void done() {
        CURRENT.remove();
    }

    @Override
    public void install(TeaVMHost host) {
        TeaVMWasmHost wasm = host.getExtension(TeaVMWasmHost.class);
        if (wasm != null) {
            wasm.add(context -> new CallSiteIdIntrinsic());
        }
    }

    private static final class CallSiteIdIntrinsic implements WasmIntrinsic {
        @Override
        public boolean isApplicable(MethodReference method) {
            return method.getClassName().equals(CallSiteTrace.class.getName())
                    && method.getName().equals("callSiteId");
        }

        @Override
        public WasmExpression apply(InvocationExpr invocation, WasmIntrinsicManager manager) {
            Table table = CURRENT.get();
            if (table != null && !table.found() && table.failure == null) {
                capture(table, manager);
            }
            // the same code as TeaVM's ShadowStack.getCallSiteId
            InvocationExpr read = new InvocationExpr();
            read.setMethod(new MethodReference(WasmRuntime.class, "getCallSiteId", Address.class, int.class));
            read.setType(InvocationType.STATIC);
            read.getArguments().addAll(invocation.getArguments());
            return manager.generate(read);
        }
    }

    private static void capture(Table table, WasmIntrinsicManager manager) {
        try {
            table.context = generationContext(manager);
            table.hierarchy = manager.getClassHierarchy();
            table.stackTopAddress = manager.getStaticField(new FieldReference(WasmHeap.class.getName(), "stack"));
            table.stackBaseAddress =
                    manager.getStaticField(new FieldReference(WasmHeap.class.getName(), "stackAddress"));
            table.pendingExceptionAddress =
                    manager.getStaticField(new FieldReference(ExceptionHandling.class.getName(), "thrownException"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            table.context = null;
            table.failure = e.toString();
        }
    }

    /** The generation context behind TeaVM's intrinsic manager (an inner object of its code generator). */
    private static WasmGenerationContext generationContext(Object manager) throws ReflectiveOperationException {
        Object at = manager;
        for (int depth = 0; depth < 3 && at != null; depth++) {
            Object outer = null;
            for (Class<?> c = at.getClass(); c != null; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (WasmGenerationContext.class.isAssignableFrom(f.getType())) {
                        f.setAccessible(true);
                        return (WasmGenerationContext) f.get(at);
                    }
                    if (f.getName().startsWith("this$") && outer == null) {
                        f.setAccessible(true);
                        outer = f.get(at);
                    }
                }
            }
            at = outer;
        }
        throw new NoSuchFieldException("TeaVM's code generator holds no WasmGenerationContext");
    }
}
