package org.jcmflow.lifecycle;

import java.time.Clock;

import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/** What every process test needs: the engine with coverage, and the beans the BPMN expressions call. */
public final class ProcessTestSupport {

    /** Each process test class must cover at least this share of its process's flow nodes and sequence flows. */
    static final double MINIMUM_COVERAGE = 0.9;

    /**
     * Not named camunda.cfg.xml: Camunda looks that name up on the classpath and would start a second engine
     * inside the application tests.
     */
    static final String ENGINE_CONFIGURATION = "process-test-engine.cfg.xml";

    private ProcessTestSupport() {
    }

    public static ProcessEngineCoverageExtension engineWithCoverage() {
        return ProcessEngineCoverageExtension.builder(ENGINE_CONFIGURATION)
                .assertClassCoverageAtLeast(MINIMUM_COVERAGE).build();
    }

    public static RecordingCaseStages registerBeans() {
        RecordingCaseStages stages = new RecordingCaseStages();
        Mocks.register("caseStages", stages);
        Mocks.register("dueDates", new DueDates(Clock.systemUTC()));
        return stages;
    }
}
