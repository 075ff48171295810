package org.jcmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.jcmflow.testsupport.ApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * A release that changes a form but no model makes no new version of any process: only what changed is deployed.
 * A new version of every process would move every running case at the next start (ModelRollout), which on a
 * programme's database takes many minutes with the application not ready.
 */
@ApplicationTest
class ReleaseDeploymentIT {

    private static final String CHANGED_FORM = "feasibility-screen-proposal.form";

    @Autowired
    ProcessEngine engine;

    @Test
    void aReleaseThatChangesOnlyAFormDeploysThatFormAlone() throws IOException {
        RepositoryService repository = engine.getRepositoryService();
        Deployment started = repository.createDeploymentQuery().orderByDeploymentTime().desc().list().stream()
                .filter(deployment -> repository.getDeploymentResourceNames(deployment.getId()).stream()
                        .anyMatch(name -> name.endsWith(CHANGED_FORM)))
                .findFirst().orElseThrow();
        Map<String, Integer> versionsBefore = latestVersions(repository);

        // the start of a release, as the engine deploys it: the application's deployment again, one form changed
        boolean changedOnly = ((SpringProcessEngineConfiguration) engine.getProcessEngineConfiguration())
                .isDeployChangedOnly();
        DeploymentBuilder release = repository.createDeployment().name(started.getName())
                .enableDuplicateFiltering(changedOnly);
        for (String resource : repository.getDeploymentResourceNames(started.getId())) {
            try (InputStream content = repository.getResourceAsStream(started.getId(), resource)) {
                String text = new String(content.readAllBytes(), StandardCharsets.UTF_8);
                if (resource.endsWith(CHANGED_FORM)) {
                    String changed = text.replace("### Screen proposal", "### Screen the proposal");
                    assertThat(changed).isNotEqualTo(text);
                    text = changed;
                }
                release.addString(resource, text);
            }
        }
        Deployment deployed = release.deploy();
        assertThat(deployed.getId()).isNotEqualTo(started.getId());
        try {
            assertThat(repository.getDeploymentResourceNames(deployed.getId()))
                    .singleElement().asString().endsWith(CHANGED_FORM);
            assertThat(latestVersions(repository)).isEqualTo(versionsBefore);
        } finally {
            repository.deleteDeployment(deployed.getId(), true);
        }
    }

    private static Map<String, Integer> latestVersions(RepositoryService repository) {
        List<ProcessDefinition> latest = repository.createProcessDefinitionQuery().latestVersion().list();
        return latest.stream().collect(Collectors.toMap(ProcessDefinition::getKey, ProcessDefinition::getVersion));
    }
}
