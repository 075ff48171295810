package org.jcmflow.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole application on a random port, on a fresh embedded PostgreSQL of its own. A test that drives cases
 * through the API declares a {@link CaseDriver} parameter, of its constructor or of a method
 * ({@link CaseDriverResolver}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jcm.embedded-db.clean=true",
        "jcm.embedded-db.data-directory=${java.io.tmpdir}/jcm-flow-test-${random.uuid}",
        // small, so that the limits are cheap to exceed in a test: the documents' own, and the container's
        "jcm.documents.max-size=1MB",
        "spring.servlet.multipart.max-file-size=2MB",
        "spring.servlet.multipart.max-request-size=2MB",
        // the operators' figures counted afresh at each scrape, so that a test sees its own step in them
        "jcm.metrics.max-age=PT0S",
        // Spring Boot's tests switch metrics export off; operators' Prometheus is part of what is tested
        "management.prometheus.metrics.export.enabled=true",
})
@TestExecutionListeners(listeners = OwnProcessEngine.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@ExtendWith(CaseDriverResolver.class)
public @interface ApplicationTest {
}
