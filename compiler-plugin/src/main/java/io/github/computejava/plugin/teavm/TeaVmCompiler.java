package io.github.computejava.plugin.teavm;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.teavm.callgraph.CallGraph;
import org.teavm.callgraph.CallGraphNode;
import org.teavm.callgraph.CallSite;
import org.teavm.diagnostics.DefaultProblemTextConsumer;
import org.teavm.diagnostics.Problem;
import org.teavm.diagnostics.ProblemSeverity;
import org.teavm.model.AnnotationReader;
import org.teavm.model.ClassReader;
import org.teavm.model.ClassReaderSource;
import org.teavm.model.MethodReader;
import org.teavm.model.MethodReference;
import org.teavm.model.lowlevel.CallSiteDescriptor;
import org.teavm.model.lowlevel.CallSiteLocation;
import org.teavm.tooling.TeaVMTargetType;
import org.teavm.tooling.TeaVMTool;
import org.teavm.vm.TeaVMOptimizationLevel;

/**
 * The only class that talks to TeaVM. It runs inside a class loader that holds TeaVM and the program being
 * compiled, and exchanges only JDK types with the build, so the build never sees TeaVM's classes and a future
 * compiler can replace this one class.
 */
public final class TeaVmCompiler {
    private static final String IMPORT_ANNOTATION = "org.teavm.interop.Import";
    private static final int CALLER_DEPTH = 4;
    private static final Pattern LAMBDA_CLASS = Pattern.compile("\\$lambda\\$_\\d+_\\d+$");

    private TeaVmCompiler() {}

    /**
     * Compiles {@code mainClass} to {@code outputDirectory/main.wasm} for WASI.
     *
     * @param args {@code mainClass}, {@code outputDirectory} (String), {@code minHeapSize}, {@code maxHeapSize}
     *     (Integer, bytes), {@code optimization} (SIMPLE, ADVANCED or FULL), {@code classLoader} (the program's
     *     classes and TeaVM's)
     * @return {@code errors} and {@code warnings} (List of String), {@code importSources}: for each import
     *     as {@code module.name}, the Java method that declares it followed by its callers, and {@code frames}
     *     (see {@link #frames}), absent when TeaVM did not expose its call sites
     */
    public static Map<String, Object> compile(Map<String, Object> args) throws Exception {
        TeaVMTool tool = new TeaVMTool();
        tool.setTargetType(TeaVMTargetType.WEBASSEMBLY_WASI);
        tool.setMainClass((String) args.get("mainClass"));
        File out = new File((String) args.get("outputDirectory"));
        if (!out.isDirectory() && !out.mkdirs()) {
            throw new IllegalStateException("cannot create " + out);
        }
        tool.setTargetDirectory(out);
        tool.setTargetFileName("main.wasm");
        // the program's class loader (its classes, then TeaVM's), or this one when the build gives none
        ClassLoader program = (ClassLoader) args.get("classLoader");
        tool.setClassLoader(program != null ? program : TeaVmCompiler.class.getClassLoader());
        tool.setOptimizationLevel(TeaVMOptimizationLevel.valueOf((String) args.get("optimization")));
        tool.setObfuscated(true);
        tool.setMinHeapSize((Integer) args.get("minHeapSize"));
        tool.setMaxHeapSize((Integer) args.get("maxHeapSize"));
        tool.getTransformers().add(JdkCallRewriter.class.getName());
        CallSitePlugin.Table callSites = CallSitePlugin.collect();
        try {
            tool.generate();
        } finally {
            CallSitePlugin.done();
        }

        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Problem problem : tool.getProblemProvider().getProblems()) {
            DefaultProblemTextConsumer text = new DefaultProblemTextConsumer();
            problem.render(text);
            String where =
                    problem.getLocation() != null && problem.getLocation().getMethod() != null
                            ? " (in " + problem.getLocation().getMethod() + ")"
                            : "";
            (problem.getSeverity() == ProblemSeverity.ERROR ? errors : warnings).add(text.getText() + where);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("errors", errors);
        result.put("warnings", warnings);
        result.put("importSources", errors.isEmpty() ? importSources(tool) : Map.of());
        if (errors.isEmpty() && callSites.found()) {
            result.put("frames", frames(callSites));
        } else if (errors.isEmpty()) {
            warnings.add("no frame map: TeaVM's call sites could not be read"
                    + (callSites.failure != null ? " (" + callSites.failure + ")" : ""));
        }
        return result;
    }

    /**
     * The frame map in JDK types: {@code methods}, a list of {@code [class, method, file or null, throwable
     * construction (Boolean)]}; {@code callSites}, for each call site id an {@code int[]} of (method index, line)
     * pairs from the innermost inlined location out; and the linear-memory addresses {@code stackTop},
     * {@code stackBase} (of the shadow stack's pointers) and {@code pendingException}.
     */
    private static Map<String, Object> frames(CallSitePlugin.Table table) {
        Map<List<Object>, Integer> methodIds = new LinkedHashMap<>();
        List<int[]> sites = new ArrayList<>();
        for (CallSiteDescriptor site : table.callSites()) {
            List<CallSiteLocation> locations = new ArrayList<>();
            for (CallSiteLocation at : site.getLocations() == null ? new CallSiteLocation[0] : site.getLocations()) {
                // the classes TeaVM generates for lambdas, which a JVM hides from stack traces too
                if (at.getClassName() == null
                        || !LAMBDA_CLASS.matcher(at.getClassName()).find()) {
                    locations.add(at);
                }
            }
            int[] encoded = new int[locations.size() * 2];
            for (int i = 0; i < locations.size(); i++) {
                CallSiteLocation at = locations.get(i);
                String file = at.getFileName() == null || at.getFileName().isEmpty() ? null : at.getFileName();
                List<Object> method = new ArrayList<>();
                method.add(at.getClassName() == null ? "" : at.getClassName());
                method.add(at.getMethodName() == null ? "" : at.getMethodName());
                method.add(file);
                method.add(constructsThrowable(table, at));
                Integer id = methodIds.get(method);
                if (id == null) {
                    id = methodIds.size();
                    methodIds.put(method, id);
                }
                encoded[2 * i] = id;
                encoded[2 * i + 1] = at.getLineNumber();
            }
            sites.add(encoded);
        }
        Map<String, Object> frames = new LinkedHashMap<>();
        frames.put("methods", new ArrayList<>(methodIds.keySet()));
        frames.put("callSites", sites);
        frames.put("stackTop", table.stackTopAddress);
        frames.put("stackBase", table.stackBaseAddress);
        frames.put("pendingException", table.pendingExceptionAddress);
        return frames;
    }

    /** Whether a location is inside the making of a throwable, which a JVM leaves out of the throwable's trace. */
    private static boolean constructsThrowable(CallSitePlugin.Table table, CallSiteLocation at) {
        String method = at.getMethodName();
        if (at.getClassName() == null || !("<init>".equals(method) || "fillInStackTrace".equals(method))) {
            return false;
        }
        return table.hierarchy.isSuperType("java.lang.Throwable", at.getClassName(), false);
    }

    /** For every reachable {@code @Import} method: its import key, mapped to the method and its callers. */
    private static Map<String, List<String>> importSources(TeaVMTool tool) {
        Map<String, List<String>> sources = new LinkedHashMap<>();
        ClassReaderSource classes = tool.getDependencyInfo().getClassSource();
        CallGraph graph = tool.getDependencyInfo().getCallGraph();
        for (MethodReference ref : tool.getDependencyInfo().getReachableMethods()) {
            ClassReader cls = classes.get(ref.getClassName());
            if (cls == null) {
                continue;
            }
            MethodReader method = cls.getMethod(ref.getDescriptor());
            if (method == null) {
                continue;
            }
            AnnotationReader imported = method.getAnnotations().get(IMPORT_ANNOTATION);
            if (imported == null) {
                continue;
            }
            String name = imported.getValue("name").getString();
            String module = imported.getValue("module") != null
                    ? imported.getValue("module").getString()
                    : "";
            List<String> chain = new ArrayList<>();
            chain.add(describe(ref));
            chain.addAll(callers(graph, ref));
            sources.put(module + "." + name, chain);
        }
        return sources;
    }

    private static List<String> callers(CallGraph graph, MethodReference start) {
        Set<String> seen = new LinkedHashSet<>();
        List<MethodReference> frontier = List.of(start);
        for (int depth = 0; depth < CALLER_DEPTH && !frontier.isEmpty(); depth++) {
            List<MethodReference> next = new ArrayList<>();
            for (MethodReference ref : frontier) {
                CallGraphNode node = graph.getNode(ref);
                if (node == null) {
                    continue;
                }
                for (CallSite site : node.getCallerCallSites()) {
                    for (CallGraphNode caller : site.getCallers()) {
                        if (seen.add(describe(caller.getMethod()))) {
                            next.add(caller.getMethod());
                        }
                    }
                }
            }
            frontier = next;
        }
        return new ArrayList<>(seen);
    }

    private static String describe(MethodReference ref) {
        return ref.getClassName() + "." + ref.getName();
    }
}
