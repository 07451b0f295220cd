package io.github.computejava.plugin.teavm;

import java.util.HashMap;
import java.util.Map;
import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.Instruction;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.instructions.InvocationType;
import org.teavm.model.instructions.InvokeInstruction;

/**
 * Redirects JDK methods that TeaVM lowers to non-WASI imports ({@code teavmMath.*}, {@code teavm.nanoTime},
 * {@code teavm.teavm_interrupt}) to the SDK's pure-Java and WASI versions, so they never reach
 * {@code main.wasm}, and {@code System.getenv}, which TeaVM answers with null (and lacks without arguments), to
 * the SDK's WASI environment reader. TeaVM's {@code ExceptionHandling.fillStackTrace} becomes {@link
 * CallSiteTrace#fill}, so a throwable's stack trace keeps its call site ids. Applied to every class, the class
 * library included.
 */
public final class JdkCallRewriter implements ClassHolderTransformer {
    static final String PURE_MATH = "io.github.computejava.internal.runtime.PureMath";
    static final String WASI_RUNTIME = "io.github.computejava.internal.runtime.WasiRuntime";
    static final String ENVIRONMENT = "io.github.computejava.internal.Environment";

    private static final Map<MethodReference, MethodReference> REPLACEMENTS = new HashMap<>();

    static {
        String[] unary = {"sin", "cos", "tan", "asin", "acos", "atan", "exp", "log", "sqrt", "ceil", "floor"};
        for (String owner : new String[] {"java.lang.Math", "java.lang.StrictMath"}) {
            for (String name : unary) {
                map(owner, name, PURE_MATH, name, ValueType.DOUBLE, ValueType.DOUBLE);
            }
            map(owner, "atan2", PURE_MATH, "atan2", ValueType.DOUBLE, ValueType.DOUBLE, ValueType.DOUBLE);
        }
        map("java.lang.System", "nanoTime", WASI_RUNTIME, "nanoTime", ValueType.LONG);
        map("java.lang.Thread", "sleep", WASI_RUNTIME, "sleep", ValueType.VOID, ValueType.LONG);
        map("java.lang.Thread", "sleep", WASI_RUNTIME, "sleep", ValueType.VOID, ValueType.LONG, ValueType.INTEGER);
        map("java.lang.Thread", "yield", WASI_RUNTIME, "yieldThread", ValueType.VOID);
        ValueType string = ValueType.object("java.lang.String");
        map("java.lang.System", "getenv", ENVIRONMENT, "get", string, string);
        map("java.lang.System", "getenv", ENVIRONMENT, "all", ValueType.object("java.util.Map"));
        map(
                "org.teavm.runtime.ExceptionHandling",
                "fillStackTrace",
                CallSiteTrace.class.getName(),
                "fill",
                ValueType.arrayOf(ValueType.object("java.lang.StackTraceElement")));
    }

    private static void map(
            String owner, String name, String target, String targetName, ValueType result, ValueType... params) {
        ValueType[] signature = new ValueType[params.length + 1];
        System.arraycopy(params, 0, signature, 0, params.length);
        signature[params.length] = result;
        REPLACEMENTS.put(
                new MethodReference(owner, new MethodDescriptor(name, signature)),
                new MethodReference(target, new MethodDescriptor(targetName, signature)));
    }

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (cls.getName().equals(PURE_MATH)
                || cls.getName().equals(WASI_RUNTIME)
                || cls.getName().equals(ENVIRONMENT)) {
            return;
        }
        for (MethodHolder method : cls.getMethods()) {
            Program program = method.getProgram();
            if (program == null) {
                continue;
            }
            for (BasicBlock block : program.getBasicBlocks()) {
                for (Instruction instruction : block) {
                    if (instruction instanceof InvokeInstruction) {
                        InvokeInstruction invoke = (InvokeInstruction) instruction;
                        MethodReference replacement = REPLACEMENTS.get(invoke.getMethod());
                        if (replacement != null
                                && invoke.getType() == InvocationType.SPECIAL
                                && invoke.getInstance() == null) {
                            invoke.setMethod(replacement);
                        }
                    }
                }
            }
        }
    }
}
