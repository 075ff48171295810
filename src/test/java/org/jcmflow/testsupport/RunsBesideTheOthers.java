package org.jcmflow.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A test class that works only with servers of its own — the packaged application and PostgreSQL as processes —
 * and touches nothing of the test JVM's: it runs beside the other test classes, two such classes at a time
 * (junit-platform.properties). Much of its time is spent waiting for its processes to start, to be killed and to
 * catch up, which the other tests then use.
 * <p>
 * They start in the order of their {@code @Order}, longest first (as measured in a run of {@code .ci/run}): the
 * run then does not end on a long one alone while the main thread's tests are done and a core idles. Only
 * {@code DemoDataIT} comes before the longest, since {@code EveryPageBrowserIT} waits until it is done with the
 * application they share. The Keycloak tests beside come after all others, as on the main thread.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
public @interface RunsBesideTheOthers {

    /** {@code DemoDataIT}: about 2 minutes, and {@code EveryPageBrowserIT} reads its application after it. */
    int DEMONSTRATION_DATA = 1;
    /** {@code TwoNodesIT}: about 3 minutes. */
    int TWO_NODES = 2;
    /** {@code BenchSmokeIT}: about 3 minutes, at a lower priority. */
    int BENCHMARK = 3;
    /** {@code DatabaseOutageIT}: about 2.5 minutes. */
    int DATABASE_OUTAGE = 4;
    /** {@code EveryPageBrowserIT}: about 2 minutes. */
    int EVERY_PAGE = 5;
    /** {@code CrashUnderLoadIT}: about 2 minutes. */
    int CRASH = 6;
    /** {@code RestartIT}: about 1.5 minutes. */
    int RESTART = 7;
    /** {@code LaunchesOnOneDatabaseIT}: about 1.5 minutes. */
    int LAUNCHES = 8;
    /** {@code ExternalDatabaseIT}: under half a minute. */
    int EXTERNAL_DATABASE = 9;
}
