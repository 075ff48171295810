package org.jcmflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.DemoUser;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Nothing is open anonymously but health and the login page; Camunda's REST API, Cockpit and Admin are for
 * operators, Tasklist for the programme's internal roles too ({@link CamundaWebappRolesIT}).
 */
@ApplicationTest
class AccessIT {

    @LocalServerPort
    int port;

    @Test
    void anonymousCallersGet401OnTheApis() {
        ApiClient anonymous = ApiClient.anonymous(port);
        ApiClient.Response me = anonymous.get("/api/me");
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.get("/api/cases").status()).isEqualTo(401);
        assertThat(anonymous.get("/engine-rest/process-definition").status()).isEqualTo(401);
    }

    @Test
    void wrongPasswordOrUnknownUserGet401() {
        assertThat(ApiClient.as(port, DemoUser.PROPONENT, "wrong-password").get("/api/me").status()).isEqualTo(401);
        assertThat(ApiClient.as(port, "nobody", ApiClient.DEMO_PASSWORD).get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void healthAndLoginPageAreOpen() {
        ApiClient anonymous = ApiClient.anonymous(port);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/login").status()).isEqualTo(200);
    }

    @Test
    void browserPagesAndCamundaWebappsRedirectToTheLoginPage() {
        ApiClient anonymous = ApiClient.anonymous(port);
        assertThat(anonymous.getPage("/camunda/app/cockpit/default/").status()).isEqualTo(302);
        assertThat(anonymous.getPage("/swagger-ui/index.html").status()).isEqualTo(302);
    }

    @Test
    void onlyOperatorsUseCamundasRestApiAndCockpit() {
        assertThat(ApiClient.as(port, DemoUser.ADMIN).get("/engine-rest/process-definition?key=jcm-project-lifecycle").status())
                .isEqualTo(200);
        ApiClient.Response refused = ApiClient.as(port, DemoUser.PROGRAM_MANAGER).get("/engine-rest/process-definition");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asText()).contains("operators");
        assertThat(ApiClient.as(port, DemoUser.PROGRAM_MANAGER).getPage("/camunda/app/cockpit/default/").status())
                .isEqualTo(403);
        assertThat(ApiClient.as(port, DemoUser.ADMIN).getPage("/camunda/app/cockpit/default/").status()).isEqualTo(200);
    }

    @Test
    void operatorsReachTheWebappsWithoutASecondLogin() {
        ApiClient browser = ApiClient.as(port, DemoUser.ADMIN);
        assertThat(browser.getPage("/camunda/app/tasklist/default/").status()).isEqualTo(200);
        ApiClient.Response user = browser.get("/camunda/api/admin/auth/user/default");
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.json().path("userId").asText()).isEqualTo(DemoUser.ADMIN);
        assertThat(user.json().path("authorizedApps").toString()).contains("tasklist", "cockpit", "admin");
    }

    @Test
    void proponentsDoNotReachTheWebappsWhereTheirOrganisationRuleWouldNotHold() {
        ApiClient proponent = ApiClient.as(port, DemoUser.PROPONENT);
        assertThat(proponent.getPage("/camunda/app/tasklist/default/").status()).isEqualTo(403);
        assertThat(proponent.get("/camunda/api/engine/engine/default/task").status()).isEqualTo(403);
    }
}
