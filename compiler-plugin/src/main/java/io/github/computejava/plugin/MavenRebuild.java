package io.github.computejava.plugin;

import io.github.computejava.server.ServeSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;

/**
 * Builds a project's {@code main.wasm} again inside the Maven that runs {@code compute:serve}: the project's own
 * lifecycle up to {@code process-classes} (its resources and {@code javac}, configured as its pom says), then this
 * plugin's {@code compute:build} execution as the project binds it (TeaVM, the ABI check, the package). Nothing
 * starts a new JVM or a new Maven, and the plugins' class loaders stay loaded, so a rebuild costs the compilers' work
 * only. Tests are not run.
 */
final class MavenRebuild implements ServeSession.Rebuild {
    private final MavenSession session;
    private final BuildPluginManager plugins;
    private final List<MojoExecution> steps;
    private final Log log;

    private MavenRebuild(MavenSession session, BuildPluginManager plugins, List<MojoExecution> steps, Log log) {
        this.session = session;
        this.plugins = plugins;
        this.steps = steps;
        this.log = log;
    }

    /**
     * Works out the rebuild's steps for the session's project.
     *
     * @param self this plugin, whose {@code build} goal ends the rebuild
     * @throws Exception when Maven cannot plan the project's lifecycle (the Mojo reports it)
     */
    static MavenRebuild plan(
            MavenSession session,
            LifecycleExecutor lifecycle,
            BuildPluginManager plugins,
            PluginDescriptor self,
            Log log)
            throws Exception {
        List<MojoExecution> steps = new ArrayList<>(
                lifecycle.calculateExecutionPlan(session, "process-classes").getMojoExecutions());
        MojoExecution build = null;
        for (MojoExecution e :
                lifecycle.calculateExecutionPlan(session, "package").getMojoExecutions()) {
            if (e.getGroupId().equals(self.getGroupId())
                    && e.getArtifactId().equals(self.getArtifactId())
                    && e.getGoal().equals("build")) {
                build = e;
                break;
            }
        }
        if (build == null) {
            // compute:build is not bound to the project's lifecycle: run it as a command line would
            build = lifecycle
                    .calculateExecutionPlan(
                            session,
                            self.getGroupId() + ":" + self.getArtifactId() + ":" + self.getVersion() + ":build")
                    .getMojoExecutions()
                    .get(0);
        }
        steps.add(build);
        return new MavenRebuild(session, plugins, steps, log);
    }

    /** The steps, as {@code plugin:goal (execution)}, for the log. */
    List<String> describe() {
        List<String> out = new ArrayList<>();
        for (MojoExecution e : steps) {
            out.add(e.getArtifactId() + ":" + e.getGoal() + " (" + e.getExecutionId() + ")");
        }
        return out;
    }

    @Override
    public boolean run(Set<Path> changed) {
        for (MojoExecution step : steps) {
            try {
                plugins.executeMojo(session, step);
            } catch (MojoFailureException e) {
                // the compiler has printed its errors already; TeaVM's and the ABI check's are in the message
                if (!step.getArtifactId().equals("maven-compiler-plugin")) {
                    log.error(e.getMessage());
                }
                log.error(step.getArtifactId() + ":" + step.getGoal() + " failed");
                return false;
            } catch (Exception e) {
                log.error(step.getArtifactId() + ":" + step.getGoal() + " could not run: " + e);
                return false;
            }
        }
        return true;
    }
}
