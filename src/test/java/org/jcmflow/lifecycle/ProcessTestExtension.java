package org.jcmflow.lifecycle;

import java.lang.reflect.Method;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * What {@link ProcessTest} does. The coverage extension is final, so this one holds an instance of it per test
 * class, built in {@code beforeAll} and kept in the class's store, and hands it every callback it implements: the
 * engine, the {@code @Deployment}s, and the class coverage checked against the floor in {@code afterAll}.
 */
public final class ProcessTestExtension implements BeforeAllCallback, TestInstancePostProcessor, BeforeEachCallback,
        BeforeTestExecutionCallback, AfterTestExecutionCallback, AfterEachCallback, AfterAllCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ProcessTestExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        ProcessEngineCoverageExtension engine = ProcessTestSupport.coveredEngine()
                .assertClassCoverageAtLeast(ProcessTestSupport.MINIMUM_COVERAGE)
                .build();
        context.getStore(NAMESPACE).put(ProcessEngineCoverageExtension.class, engine);
        engine.beforeAll(context);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        engine(context).postProcessTestInstance(testInstance, context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        store.put(RecordingCaseStages.class, ProcessTestSupport.registerBeans());
        store.put(RecordingDeadlines.class, ProcessTestSupport.registerDeadlines());
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        engine(context).beforeTestExecution(context);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        engine(context).afterTestExecution(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ClockUtil.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        engine(context).afterAll(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return isRecorder(parameter.getParameter().getType()) && parameter.getDeclaringExecutable() instanceof Method
                || engine(context).supportsParameter(parameter, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (isRecorder(type)) {
            return context.getStore(NAMESPACE).get(type, type);
        }
        return engine(context).resolveParameter(parameter, context);
    }

    /** Test and {@code @BeforeEach} methods: the recorders are made before each test, after the instance. */
    private static boolean isRecorder(Class<?> type) {
        return type == RecordingCaseStages.class || type == RecordingDeadlines.class;
    }

    private static ProcessEngineCoverageExtension engine(ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .get(ProcessEngineCoverageExtension.class, ProcessEngineCoverageExtension.class);
    }
}
