package org.jcmflow.testsupport;

import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * When a test run holds a Keycloak test, the shared Keycloak starts with the run rather than with the first of them:
 * its half a minute or more of start-up then passes while the tests before them run. Registered through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public class KeycloakEarlyStart implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        boolean needsKeycloak = plan.getRoots().stream()
                .flatMap(root -> plan.getDescendants(root).stream())
                .anyMatch(KeycloakEarlyStart::isKeycloakTestClass);
        if (needsKeycloak) {
            KeycloakServer.startInBackground();
        }
    }

    private static boolean isKeycloakTestClass(TestIdentifier test) {
        return test.getSource()
                .filter(ClassSource.class::isInstance)
                .map(source -> ((ClassSource) source).getJavaClass())
                .filter(testClass -> AnnotationSupport.isAnnotated(testClass, KeycloakApplicationTest.class))
                .isPresent();
    }
}
