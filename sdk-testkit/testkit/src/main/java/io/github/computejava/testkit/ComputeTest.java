package io.github.computejava.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test class whose tests (and {@code @BeforeEach}/{@code @AfterEach} methods) take a {@link
 * TestHost} parameter: each test gets its own host, closed after the test. Tests may run in parallel. With
 * {@link #manifest()}, each host starts with the backends and stores of the project's {@code fastly.toml}.
 *
 * <pre>{@code
 * @ComputeTest
 * class MainTest {
 *     @BeforeEach
 *     void setUp(TestHost host) {
 *         host.program(Main::main);
 *     }
 *
 *     @Test
 *     void answers(TestHost host) {
 *         host.get("/").send().assertThat().hasStatus(200);
 *     }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(ComputeTestExtension.class)
public @interface ComputeTest {
    /**
     * A {@code fastly.toml} (relative to the working directory, the module's directory under Maven) whose
     * {@code [local_server]} backends and stores every host of the class starts with; empty for none.
     *
     * @return the manifest path, or empty
     */
    String manifest() default "";
}
