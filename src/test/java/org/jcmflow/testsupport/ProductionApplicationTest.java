package org.jcmflow.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application as production runs it: profile {@code production} (behind a reverse proxy that ends TLS)
 * and production's upload limits (application.yaml) instead of the other application tests' small ones. One
 * application, on a database of its own, for all tests so marked.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationTest
@ActiveProfiles("production")
@TestPropertySource(properties = {
        "jcm.documents.max-size=20MB",
        "spring.servlet.multipart.max-file-size=100MB",
        "spring.servlet.multipart.max-request-size=100MB",
})
public @interface ProductionApplicationTest {
}
