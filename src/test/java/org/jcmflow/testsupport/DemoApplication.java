package org.jcmflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The application with the demonstration data set loaded, as an operator runs it ({@link ApplicationProcess}), on
 * a database of its own: started by the first test class that asks for it and shared by the others until the end of
 * the run. They read it, and add nothing the others count (a proposal of the page checks' proponent at most). Being
 * a process, it lets those classes run beside the others ({@link RunsBesideTheOthers}): the data set's load and the
 * pages' tour then overlap the main lane's tests.
 * A test class takes it as a constructor parameter, with {@code @ExtendWith(DemoApplication.Shared.class)}, and
 * holds {@link #LOCK} to read it; a test that restarts it holds the lock exclusively, so that no other test finds it
 * down.
 */
public final class DemoApplication {

    /** The {@code @ResourceLock} of the tests on it: READ to read it, READ_WRITE to restart it. */
    public static final String LOCK = "demo-application";

    private final Path work;
    /** The start that loaded the data set. */
    private final ApplicationProcess loading;
    private volatile ApplicationProcess process;

    private DemoApplication(Path work) {
        this.work = work;
        this.loading = launch();
        this.process = loading;
    }

    /** The log of the start that loaded the data set, so far (mails are written there, no SMTP server being set). */
    public String loadingLog() {
        return loading.log();
    }

    public int port() {
        return process.port();
    }

    /**
     * Stops the application and starts it again on the same data, still asked to load the data set: as an operator
     * who leaves {@code JCM_DEMO_DATA=load} set across restarts. Returns the log of the new start.
     */
    public synchronized String restart() {
        process.close();
        process = launch();
        return process.log();
    }

    private ApplicationProcess launch() {
        return ApplicationProcess.start(work, "demo", ApplicationProcess.freePort(), Map.of(),
                List.of("--jcm.demo-data=load", "--jcm.embedded-db.data-directory=" + work.resolve("postgres")));
    }

    /** Hands the one running application to the test classes' constructors; it is stopped after the last test. */
    public static final class Shared implements ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Shared.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == DemoApplication.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(Running.class, key -> new Running(start()), Running.class).application();
        }

        private static DemoApplication start() {
            try {
                Files.createDirectories(Path.of("target"));
                return new DemoApplication(Files.createTempDirectory(Path.of("target"), "demo-application-")
                        .toAbsolutePath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Closed by JUnit with the root context, at the end of the run. */
    private record Running(DemoApplication application) implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            application.process.close();
        }
    }
}
