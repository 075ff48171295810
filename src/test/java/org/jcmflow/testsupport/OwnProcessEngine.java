package org.jcmflow.testsupport;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Several applications run in one test JVM (the default mode, Keycloak mode, tests with a database of their own),
 * each with an engine named {@code default}. Camunda's registry of engines by name is static, and the webapps find
 * their engine there: before each test, the test's own application's engine is the one registered, so that
 * Tasklist shows the tasks of the application under test and not those of the application started last.
 */
public class OwnProcessEngine implements TestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        ProcessEngine engine = testContext.getApplicationContext().getBeanProvider(ProcessEngine.class).getIfAvailable();
        if (engine != null) {
            ProcessEngines.registerProcessEngine(engine);
        }
    }
}
