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
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
public @interface RunsBesideTheOthers {
}
