package io.github.computejava.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link ComputeTest}: resolves a {@link TestHost} parameter to the current test's
 * own host, created on first use and closed when the test ends (after its {@code @AfterEach} methods). The host lives in the test's extension store,
 * never in static state, so parallel tests never share one.
 */
public final class ComputeTestExtension implements ParameterResolver, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ComputeTestExtension.class);

    /** Creates the extension (JUnit does, through {@link ComputeTest}). */
    public ComputeTestExtension() {}

    /**
     * Whether the parameter is a {@link TestHost}.
     *
     * @param parameter the parameter
     * @param context the extension context
     * @return true for a {@code TestHost} parameter
     */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestHost.class;
    }

    /**
     * The current test's host.
     *
     * @param parameter the parameter
     * @param context the extension context
     * @return the host, created on first use
     * @throws ParameterResolutionException outside a test method (a host belongs to one test), or when the
     *     class's manifest is missing or invalid
     */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("A TestHost belongs to one test: take it as a parameter of a"
                    + " @Test, @BeforeEach or @AfterEach method, not of " + parameter.getDeclaringExecutable());
        }
        String manifest = context.getTestClass()
                .flatMap(c -> AnnotationSupport.findAnnotation(c, ComputeTest.class))
                .map(ComputeTest::manifest)
                .orElse("");
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(TestHost.class, k -> create(manifest, parameter), TestHost.class);
    }

    private static TestHost create(String manifest, ParameterContext parameter) {
        if (manifest.isEmpty()) {
            return TestHost.create();
        }
        Path file = Path.of(manifest);
        if (!Files.isRegularFile(file)) {
            throw new ParameterResolutionException(
                    "@ComputeTest(manifest = \"" + manifest + "\"): no such file (" + file.toAbsolutePath() + ")");
        }
        try {
            return TestHost.builder().manifest(file).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    /**
     * Closes the test's host, if it has one.
     *
     * @param context the extension context
     */
    @Override
    public void afterEach(ExtensionContext context) {
        TestHost host = context.getStore(NAMESPACE).get(TestHost.class, TestHost.class);
        if (host != null) {
            host.close();
        }
    }
}
