package org.jcmflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.OTHER_PROPONENT;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.PageSession;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;

@ApplicationTest
class CaseApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final CaseDriver driver;

    CaseApiIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void proponentOpensACaseThatStartsInTheFeasibilityStudy() {
        ApiClient.Response created = driver.as(PROPONENT).post("/api/cases", CaseDriver.newCase("LED fishing lights"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.path("id").asText()).isNotBlank();
        assertThat(body.path("stage").asText()).isEqualTo("FEASIBILITY_STUDY");
        assertThat(body.path("title").asText()).isEqualTo("LED fishing lights");
        assertThat(body.path("partnerCountry").asText()).isEqualTo("VN");
        assertThat(body.path("organization").asText()).isEqualTo("nihon-ecotech");
        assertThat(body.path("estimatedReductionTco2PerYear").decimalValue()).isEqualByComparingTo("1250.5");
        assertThat(body.path("openTasks").findValuesAsText("taskKey")).containsExactly("Task_ScreenProposal");
        assertThat(body.path("history").get(0).path("who").asText()).isEqualTo(PROPONENT);
    }

    @Test
    void textThatChangesItsOwnDirectionIsRefusedWithTheFieldNamed() {
        long casesBefore = caseCount();
        Map<String, Object> body = CaseDriver.newCase("Solar pumps \u202Efdp.exe");
        ApiClient.Response title = driver.as(PROPONENT).post("/api/cases", body);
        assertThat(title.status()).isEqualTo(400);
        assertThat(title.contentType()).startsWith("application/problem+json");
        assertThat(fields(title.json())).containsExactly("title");

        for (String bidi : List.of("\u202A", "\u202B", "\u202C", "\u202D", "\u2066", "\u2067", "\u2068", "\u2069",
                "\u200E", "\u200F", "\u061C")) {
            body = CaseDriver.newCase("Solar pumps");
            body.put("technology", "Pumps" + bidi + " driven by the sun");
            ApiClient.Response technology = driver.as(PROPONENT).post("/api/cases", body);
            assertThat(technology.status()).as(bidi).isEqualTo(400);
            assertThat(fields(technology.json())).as(bidi).containsExactly("technology");
        }

        PageSession page = new PageSession(port, PROPONENT);
        PageSession.Page refused = page.postForm("/cases/new", Map.of("title", "Solar pumps \u202Efdp.exe",
                "partnerCountry", "VN", "technology", "Pumps \u2067driven by the sun",
                "estimatedReductionTco2PerYear", "1200", "budgetMillionJpy", "80", "fiscalYear", "2016"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.document().select("#title-error").text()).contains("right-to-left");
        assertThat(refused.document().select("#technology-error").text()).contains("right-to-left");
        assertThat(caseCount()).isEqualTo(casesBefore);
    }

    @Test
    void invalidProposalsAreRefusedWithTheFieldsNamedAndNoCaseWritten() {
        long casesBefore = caseCount();
        Map<String, Object> body = CaseDriver.newCase("  ");
        body.put("partnerCountry", "US");
        body.put("fiscalYear", 2010);
        body.put("estimatedReductionTco2PerYear", -1);
        body.remove("technology");
        ApiClient.Response response = driver.as(PROPONENT).post("/api/cases", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response.json())).contains("title", "technology", "estimatedReductionTco2PerYear");

        body = CaseDriver.newCase("Unknown partner");
        body.put("partnerCountry", "US");
        body.put("fiscalYear", 2010);
        response = driver.as(PROPONENT).post("/api/cases", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response.json())).containsExactlyInAnyOrder("partnerCountry", "fiscalYear");

        body = CaseDriver.newCase("Wrong type");
        body.put("fiscalYear", "next year");
        response = driver.as(PROPONENT).post("/api/cases", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response.json())).containsExactly("fiscalYear");

        response = driver.as(PROPONENT).post("/api/cases", "{not json");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(caseCount()).isEqualTo(casesBefore);
    }

    @Test
    void onlyProponentsOpenCases() {
        ApiClient.Response response = driver.as(PROGRAM_MANAGER).post("/api/cases", CaseDriver.newCase("Not mine to open"));
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void proponentsSeeOnlyTheirOwnOrganisationsCases() {
        String own = driver.openCase(PROPONENT, "Nihon EcoTech hotel BEMS");
        String other = driver.openCase(OTHER_PROPONENT, "Sakura data centre");

        assertThat(driver.as(OTHER_PROPONENT).get("/api/cases/" + own).status()).isEqualTo(404);
        assertThat(driver.as(PROPONENT).get("/api/cases/" + own).status()).isEqualTo(200);
        List<String> seenByTanaka = driver.as(PROPONENT).get("/api/cases?size=200").json().path("content").findValuesAsText("id");
        assertThat(seenByTanaka).contains(own).doesNotContain(other);
        List<String> seenByManager = driver.as(PROGRAM_MANAGER).get("/api/cases?size=200").json().path("content").findValuesAsText("id");
        assertThat(seenByManager).contains(own, other);
    }

    @Test
    void casesAreFilteredAndPaged() {
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = CaseDriver.newCase("Mongolian heat supply " + i);
            body.put("partnerCountry", "MN");
            body.put("fiscalYear", 2013);
            assertThat(driver.as(PROPONENT).post("/api/cases", body).status()).isEqualTo(201);
        }
        JsonNode page = driver.as(PROGRAM_MANAGER).get("/api/cases?partnerCountry=MN&fiscalYear=2013&stage=FEASIBILITY_STUDY&size=2&page=0").json();
        assertThat(page.path("totalElements").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(page.path("content")).hasSize(2);
        assertThat(page.path("content").findValuesAsText("partnerCountry")).containsOnly("MN");
        assertThat(driver.as(PROGRAM_MANAGER).get("/api/cases?stage=NO_SUCH_STAGE").status()).isEqualTo(400);
        assertThat(driver.as(PROGRAM_MANAGER).get("/api/cases?size=0").status()).isEqualTo(400);
    }

    @Test
    void casesAreSortedByAWhitelistedColumnInEitherDirection() {
        Map<String, String> countries = Map.of("Cooling for a Kenyan hospital", "KE",
                "Cold chain in Cambodia", "KH", "Brick kilns in Bangladesh", "BD");
        countries.forEach((title, country) -> {
            Map<String, Object> body = CaseDriver.newCase(title);
            body.put("partnerCountry", country);
            body.put("fiscalYear", 2011);
            driver.openCase(PROPONENT, body);
        });

        assertThat(titles("/api/cases?fiscalYear=2011&sort=title")).containsExactly("Brick kilns in Bangladesh",
                "Cold chain in Cambodia", "Cooling for a Kenyan hospital");
        assertThat(titles("/api/cases?fiscalYear=2011&sort=title,desc")).containsExactly(
                "Cooling for a Kenyan hospital", "Cold chain in Cambodia", "Brick kilns in Bangladesh");
        // by the country's name, not its code: Cambodia (KH) before Kenya (KE)
        assertThat(titles("/api/cases?fiscalYear=2011&sort=partnerCountry")).containsExactly(
                "Brick kilns in Bangladesh", "Cold chain in Cambodia", "Cooling for a Kenyan hospital");
        // paging goes on in the same order
        assertThat(titles("/api/cases?fiscalYear=2011&sort=partnerCountry,desc&size=2&page=1"))
                .containsExactly("Brick kilns in Bangladesh");

        for (String unknown : List.of("budget", "title,sideways", "title;drop table project_case", "created_at")) {
            ApiClient.Response refused = driver.as(PROGRAM_MANAGER).get("/api/cases?sort=" + unknown.replace(";", "%3B")
                    .replace(" ", "%20"));
            assertThat(refused.status()).as(unknown).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(fields(refused.json())).containsExactly("sort");
        }
    }

    private List<String> titles(String path) {
        ApiClient.Response response = driver.as(PROGRAM_MANAGER).get(path);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().path("content").findValuesAsText("title");
    }

    @Test
    void unknownCaseIsNotFound() {
        assertThat(driver.as(PROGRAM_MANAGER).get("/api/cases/6f1c1a52-0000-4000-8000-000000000000").status()).isEqualTo(404);
        assertThat(driver.as(PROGRAM_MANAGER).get("/api/cases/not-a-uuid").status()).isEqualTo(400);
    }

    @Test
    void meTellsTheCallersRolesAndOrganisation() {
        JsonNode me = driver.as(PROPONENT).get("/api/me").json();
        assertThat(me.path("username").asText()).isEqualTo(PROPONENT);
        assertThat(me.path("roles")).extracting(JsonNode::asText).containsExactly("proponent");
        assertThat(me.path("organization").asText()).isEqualTo("nihon-ecotech");
    }

    private long caseCount() {
        return jdbc.sql("select count(*) from project_case").query(Long.class).single();
    }

    private static List<String> fields(JsonNode problem) {
        return problem.path("errors").findValuesAsText("field");
    }
}
