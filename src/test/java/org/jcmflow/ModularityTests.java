package org.jcmflow;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The module map of docs/architecture.md, held by the build: no cycle between the capability packages (Spring
 * Modulith), and imports only down the layers (ArchUnit). A new package gets its layer here and a row there.
 */
class ModularityTests {

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.jcmflow");

    @Test
    void noPackageDependsOnAnotherInACycle() {
        ApplicationModules.of(JcmFlowApplication.class).verify();
    }

    @Test
    void importsRunOnlyDownTheMap() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("ground").definedBy("org.jcmflow.problem..", "org.jcmflow.engine..")
                .layer("people and pages").definedBy("org.jcmflow.identity..", "org.jcmflow.web..")
                .layer("case").definedBy("org.jcmflow.casefile..")
                .layer("work").definedBy("org.jcmflow.tasks..")
                .layer("stages").definedBy("org.jcmflow.lifecycle..")
                .layer("domains").definedBy("org.jcmflow.stagegate..", "org.jcmflow.mrv..")
                .layer("around the work").definedBy("org.jcmflow.notification..", "org.jcmflow.dashboard..",
                        "org.jcmflow.discussion..",
                        "org.jcmflow.operations..", "org.jcmflow.contracts..", "org.jcmflow.programme..",
                        "org.jcmflow.calls..")
                .layer("data set").definedBy("org.jcmflow.demodata..")
                .layer("alone").definedBy("org.jcmflow.database..")
                .whereLayer("data set").mayNotBeAccessedByAnyLayer()
                .whereLayer("alone").mayOnlyBeAccessedByLayers("data set")
                .whereLayer("around the work").mayOnlyBeAccessedByLayers("around the work", "data set")
                .whereLayer("domains").mayOnlyBeAccessedByLayers("domains", "around the work", "data set")
                .whereLayer("stages").mayOnlyBeAccessedByLayers("domains", "around the work", "data set")
                .whereLayer("work").mayOnlyBeAccessedByLayers("stages", "domains", "around the work", "data set")
                .whereLayer("case").mayOnlyBeAccessedByLayers("work", "stages", "domains", "around the work",
                        "data set")
                .whereLayer("people and pages").mayOnlyBeAccessedByLayers("people and pages", "case", "work", "stages",
                        "domains", "around the work", "data set")
                .check(APPLICATION);
    }
}
