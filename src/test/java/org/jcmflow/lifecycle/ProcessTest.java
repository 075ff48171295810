package org.jcmflow.lifecycle;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A process test: the engine of {@value ProcessTestSupport#ENGINE_CONFIGURATION} with coverage recorded, the class
 * held to {@link ProcessTestSupport#MINIMUM_COVERAGE}; the beans the BPMN expressions call registered afresh before
 * each test, and the engine's clock back to real time after each. A test or {@code @BeforeEach} method that looks at
 * what the process announced declares a parameter {@link RecordingCaseStages} or {@link RecordingDeadlines}; the
 * beans a class needs of its own it registers in its {@code @BeforeEach}, which runs after these.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ProcessTestExtension.class)
public @interface ProcessTest {
}
