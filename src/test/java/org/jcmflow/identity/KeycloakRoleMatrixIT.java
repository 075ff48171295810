package org.jcmflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jcmflow.engine.EngineClock;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.KeycloakApplicationTest;
import org.jcmflow.testsupport.KeycloakServer;
import org.jcmflow.testsupport.ValidSubmissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what, with real Keycloak tokens: every endpoint of the API (and Camunda's REST API) against every
 * role of the realm, anonymous callers and a Keycloak user without any of the programme's roles. Each cell of
 * {@link #MATRIX} is one test; a cell that may change something starts from a fixture in its starting state, so
 * no cell depends on another or on their order. {@link #everyApiEndpointHasARow()} fails the build when an endpoint is added without a row here.
 */
@KeycloakApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakRoleMatrixIT {

    /** A user of the realm who belongs to an organisation but holds none of the programme's roles. */
    private static final String USER_WITHOUT_ROLES = "matrix-no-role";

    /**
     * The expected answer of each endpoint, on the fixture named in "on", for each caller. A status alone is
     * checked as it is; on the list endpoints (cases, tasks, contracts, forecasts, CSV and workbook exports) "200+"
     * means 200 with the fixture in the answer and "200-" means 200 without it. A fixture named "fresh ..." is in
     * its starting state for each cell (see {@link #fixture}); after a refusal, the cell checks that its task is
     * unchanged, or that nothing was recorded on its contract or case.
     * The demo users: tanaka proponent of Nihon EcoTech, suzuki proponent of Sakura Engineering, sato programme
     * manager, kobayashi committee (Tohoku University), ito committee of Sakura Engineering, watanabe MRV
     * verifier, nakamura Joint Committee, admin operator. A proponent's case of another organisation is missing
     * to them (404), and so are its tasks (404), as if they did not exist. Contracts, their changes and spending
     * are the programme managers' to record, whoever's they are; the programme office reads them all, a proponent
     * those of their own organisation (another's contract is missing to them, 404). Forecasts at selection are
     * the programme office's alone. Everyone signed in reads the calls for proposals; programme managers open
     * them and record their selection, the members of a call's committee score its proposals (ito, of Sakura,
     * scores Nihon's), and the scores and exports are the programme office's. The programme's settings,
     * evaluations, targets and policy work are the programme managers' to record and the programme office's to
     * read; a case's policy work is read by whoever may see the case.
     */
    static final String MATRIX = """
            | endpoint                                       | on                               | tanaka | suzuki | sato | kobayashi | ito  | watanabe | nakamura | admin | anonymous | no-role |
            | GET /api/me                                    | -                                | 200    | 200    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | POST /api/cases                                | -                                | 201    | 201    | 403  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | GET /api/cases                                 | Nihon case                       | 200+   | 200-   | 200+ | 200+      | 200+ | 200+     | 200+     | 200+  | 401       | 401     |
            | GET /api/cases                                 | Sakura case                      | 200-   | 200+   | 200+ | 200+      | 200+ | 200+     | 200+     | 200+  | 401       | 401     |
            | GET /api/cases/{id}                            | Nihon case                       | 200    | 404    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | GET /api/cases/{id}                            | Sakura case                      | 404    | 200    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | GET /api/cases/{id}/stage-gate                 | Sakura case                      | 404    | 200    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | POST /api/cases/{caseId}/documents             | fresh Nihon case                 | 201    | 404    | 201  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | GET /api/cases/{caseId}/documents/{documentId} | Nihon case                       | 200    | 404    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | GET /api/tasks                                 | Nihon proponent task             | 200+   | 200-   | 200- | 200-      | 200- | 200-     | 200-     | 200-  | 401       | 401     |
            | GET /api/tasks                                 | Nihon screening task             | 200-   | 200-   | 200+ | 200-      | 200- | 200-     | 200-     | 200-  | 401       | 401     |
            | GET /api/tasks                                 | Sakura evaluation task           | 200-   | 200-   | 200- | 200+      | 200- | 200-     | 200-     | 200-  | 401       | 401     |
            | GET /api/tasks                                 | Nihon convening task             | 200-   | 200-   | 200+ | 200-      | 200- | 200-     | 200-     | 200-  | 401       | 401     |
            | GET /api/tasks                                 | Nihon methodology decision task  | 200-   | 200-   | 200- | 200-      | 200- | 200-     | 200+     | 200-  | 401       | 401     |
            | GET /api/tasks                                 | Nihon validation task            | 200-   | 200-   | 200- | 200-      | 200- | 200+     | 200-     | 200-  | 401       | 401     |
            | GET /api/tasks/{id}                            | Nihon proponent task             | 200    | 404    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | GET /api/tasks/{id}                            | Sakura evaluation task           | 404    | 200    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | GET /api/tasks/{id}/form                       | Nihon proponent task             | 200    | 404    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | GET /api/tasks/{id}/form                       | Sakura evaluation task           | 404    | 200    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | POST /api/tasks/{id}/claim                     | fresh Nihon proponent task       | 204    | 404    | 403  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | POST /api/tasks/{id}/claim                     | fresh Nihon screening task       | 403    | 404    | 204  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | POST /api/tasks/{id}/claim                     | fresh Nihon convening task       | 403    | 404    | 204  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | POST /api/tasks/{id}/claim                     | fresh Nihon evaluation task      | 403    | 404    | 403  | 204       | 409  | 403      | 403      | 403   | 401       | 401     |
            | POST /api/tasks/{id}/claim                     | fresh Sakura evaluation task     | 404    | 403    | 403  | 204       | 403  | 403      | 403      | 403   | 401       | 401     |
            | POST /api/tasks/{id}/claim                     | fresh methodology decision task  | 403    | 404    | 403  | 403       | 403  | 403      | 204      | 403   | 401       | 401     |
            | POST /api/tasks/{id}/claim                     | fresh validation task            | 403    | 404    | 403  | 403       | 403  | 204      | 403      | 403   | 401       | 401     |
            | POST /api/tasks/{id}/unclaim                   | fresh proponent task of tanaka's | 204    | 404    | 204  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | POST /api/tasks/{id}/unclaim                   | fresh Nihon evaluation task      | 403    | 404    | 403  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | POST /api/tasks/{id}/complete                  | fresh Nihon proponent task       | 204    | 404    | 403  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | POST /api/tasks/{id}/complete                  | fresh Nihon screening task       | 403    | 404    | 204  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | POST /api/tasks/{id}/complete                  | fresh Nihon convening task       | 403    | 404    | 204  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | POST /api/tasks/{id}/complete                  | fresh Nihon evaluation task      | 403    | 404    | 403  | 204       | 403  | 403      | 403      | 403   | 401       | 401     |
            | POST /api/tasks/{id}/complete                  | fresh Sakura evaluation task     | 404    | 403    | 403  | 204       | 403  | 403      | 403      | 403   | 401       | 401     |
            | POST /api/tasks/{id}/complete                  | fresh methodology decision task  | 403    | 404    | 403  | 403       | 403  | 403      | 204      | 403   | 401       | 401     |
            | POST /api/tasks/{id}/complete                  | fresh validation task            | 403    | 404    | 403  | 403       | 403  | 204      | 403      | 403   | 401       | 401     |
            | GET /api/tasks/overdue                         | -                                | 403    | 403    | 200  | 403       | 403  | 403      | 403      | 200   | 401       | 401     |
            | GET /api/tasks/{id}/draft                      | Nihon drafted task               | 200    | 404    | 404  | 404       | 404  | 404      | 404      | 404   | 401       | 401     |
            | PUT /api/tasks/{id}/draft                      | fresh Nihon proponent task       | 200    | 404    | 403  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | PUT /api/tasks/{id}/draft                      | fresh Nihon screening task       | 403    | 404    | 200  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | PUT /api/tasks/{id}/draft                      | fresh Nihon evaluation task      | 403    | 404    | 403  | 200       | 403  | 403      | 403      | 403   | 401       | 401     |
            | DELETE /api/tasks/{id}/draft                   | fresh Nihon drafted task         | 204    | 404    | 204  | 204       | 204  | 204      | 204      | 204   | 401       | 401     |
            | GET /api/methodologies                         | -                                | 200    | 200    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | GET /api/methodologies/{id}                    | Nihon methodology                | 200    | 200    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | GET /api/cases/{id}/mrv                        | Nihon methodology case           | 200    | 404    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | GET /api/cases/{id}/registry                   | Nihon case                       | 200    | 404    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | GET /api/registry/{partnerCountry}             | Viet Nam                         | 200    | 200    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | GET /api/third-party-entities                  | -                                | 200    | 200    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | GET /api/third-party-entities/{id}             | TPE                              | 200    | 200    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | POST /api/third-party-entities                 | -                                | 403    | 403    | 201  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | PUT /api/third-party-entities/{id}             | fresh TPE                        | 403    | 403    | 200  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | GET /api/public-inputs                         | -                                | 200    | 200    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | GET /api/public-inputs/{id}                    | Nihon public inputs              | 200    | 200    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | POST /api/public-inputs/{id}/comments          | Nihon public inputs              | 201    | 201    | 201  | 201       | 201  | 201      | 201      | 201   | 401       | 401     |
            | POST /api/cases/{id}/methodology-consideration/extension | fresh Nihon consideration | 403 | 403    | 403  | 403       | 403  | 403      | 200      | 403   | 401       | 401     |
            | GET /api/dashboard                             | -                                | 403    | 403    | 200  | 403       | 403  | 403      | 403      | 200   | 401       | 401     |
            | PUT /api/budget/{fiscalYear}                   | FY2017                           | 403    | 403    | 204  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | GET /api/reports/dashboard.xlsx                | -                                | 403    | 403    | 200  | 403       | 403  | 403      | 403      | 200   | 401       | 401     |
            | GET /api/reports/cases.csv                     | Nihon case                       | 200+   | 200-   | 200+ | 200+      | 200+ | 200+     | 200+     | 200+  | 401       | 401     |
            | GET /api/reports/cases.csv                     | Sakura case                      | 200-   | 200+   | 200+ | 200+      | 200+ | 200+     | 200+     | 200+  | 401       | 401     |
            | GET /api/contracts                             | Nihon contract                   | 200+   | 200-   | 200+ | 403       | 403  | 403      | 403      | 200+  | 401       | 401     |
            | GET /api/contracts                             | Sakura contract                  | 200-   | 200+   | 200+ | 403       | 403  | 403      | 403      | 200+  | 401       | 401     |
            | POST /api/contracts                            | fresh screened Nihon case        | 403    | 403    | 201  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | GET /api/contracts/{id}                        | Nihon contract                   | 200    | 404    | 200  | 403       | 403  | 403      | 403      | 200   | 401       | 401     |
            | GET /api/contracts/{id}                        | Sakura contract                  | 404    | 200    | 200  | 403       | 403  | 403      | 403      | 200   | 401       | 401     |
            | POST /api/contracts/{id}/changes               | fresh Nihon contract             | 403    | 403    | 201  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | PUT /api/contracts/{id}/spending/{fiscalYear}  | fresh Nihon contract             | 403    | 403    | 204  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | POST /api/spending/import                      | fresh Nihon contract             | 403    | 403    | 200  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | GET /api/reports/contracts.csv                 | Nihon contract                   | 200+   | 200-   | 200+ | 403       | 403  | 403      | 403      | 200+  | 401       | 401     |
            | GET /api/reports/contracts.csv                 | Sakura contract                  | 200-   | 200+   | 200+ | 403       | 403  | 403      | 403      | 200+  | 401       | 401     |
            | GET /api/reports/contract-changes.csv          | Nihon contract                   | 200+   | 200-   | 200+ | 403       | 403  | 403      | 403      | 200+  | 401       | 401     |
            | GET /api/reports/contract-changes.csv          | Sakura contract                  | 200-   | 200+   | 200+ | 403       | 403  | 403      | 403      | 200+  | 401       | 401     |
            | GET /api/reports/spending.csv                  | Nihon contract                   | 200+   | 200-   | 200+ | 403       | 403  | 403      | 403      | 200+  | 401       | 401     |
            | GET /api/reports/spending.csv                  | Sakura contract                  | 200-   | 200+   | 200+ | 403       | 403  | 403      | 403      | 200+  | 401       | 401     |
            | GET /api/reports/contracts.xlsx                | Nihon contract                   | 200+   | 200-   | 200+ | 403       | 403  | 403      | 403      | 200+  | 401       | 401     |
            | GET /api/reports/contracts.xlsx                | Sakura contract                  | 200-   | 200+   | 200+ | 403       | 403  | 403      | 403      | 200+  | 401       | 401     |
            | PUT /api/cases/{caseId}/forecast               | fresh Nihon demonstration        | 403    | 403    | 204  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | GET /api/forecasts                             | Nihon forecast                   | 403    | 403    | 200+ | 403       | 403  | 403      | 403      | 200+  | 401       | 401     |
            | GET /api/reports/forecasts.csv                 | Nihon forecast                   | 403    | 403    | 200+ | 403       | 403  | 403      | 403      | 200+  | 401       | 401     |
            | GET /api/calls                                 | FY2021 call                      | 200+   | 200+   | 200+ | 200+      | 200+ | 200+     | 200+     | 200+  | 401       | 401     |
            | POST /api/calls                                | -                                | 403    | 403    | 201  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | GET /api/calls/{id}                            | FY2021 call                      | 200    | 200    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | PUT /api/calls/{id}/committee                  | FY2021 call                      | 403    | 403    | 200  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | GET /api/calls/{id}/proposals                  | FY2021 call                      | 403    | 403    | 200  | 200       | 200  | 403      | 403      | 200   | 401       | 401     |
            | PUT /api/calls/{id}/proposals/{caseId}/score   | FY2021 call                      | 403    | 403    | 403  | 204       | 204  | 403      | 403      | 403   | 401       | 401     |
            | POST /api/calls/{id}/selection                 | fresh FY2021 call                | 403    | 403    | 200  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | GET /api/reports/calls.csv                     | FY2021 call                      | 403    | 403    | 200+ | 403       | 403  | 403      | 403      | 200+  | 401       | 401     |
            | GET /api/reports/selection.csv                 | FY2021 call                      | 403    | 403    | 200+ | 403       | 403  | 403      | 403      | 200+  | 401       | 401     |
            | GET /api/reports/calls.xlsx                    | FY2021 call                      | 403    | 403    | 200+ | 403       | 403  | 403      | 403      | 200+  | 401       | 401     |
            | GET /api/programme/settings                    | -                                | 403    | 403    | 200  | 403       | 403  | 403      | 403      | 200   | 401       | 401     |
            | PUT /api/programme/settings                    | -                                | 403    | 403    | 200  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | GET /api/programme/evaluations                 | -                                | 403    | 403    | 200  | 403       | 403  | 403      | 403      | 200   | 401       | 401     |
            | POST /api/programme/evaluations                | -                                | 403    | 403    | 201  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | GET /api/programme/targets                     | -                                | 403    | 403    | 200  | 403       | 403  | 403      | 403      | 200   | 401       | 401     |
            | POST /api/programme/targets                    | -                                | 403    | 403    | 201  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | GET /api/reports/evaluations.csv               | -                                | 403    | 403    | 200  | 403       | 403  | 403      | 403      | 200   | 401       | 401     |
            | GET /api/reports/targets.csv                   | -                                | 403    | 403    | 200  | 403       | 403  | 403      | 403      | 200   | 401       | 401     |
            | GET /api/reports/programme.xlsx                | -                                | 403    | 403    | 200  | 403       | 403  | 403      | 403      | 200   | 401       | 401     |
            | POST /api/policy-work                          | -                                | 403    | 403    | 201  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | GET /api/policy-work                           | -                                | 403    | 403    | 200  | 403       | 403  | 403      | 403      | 200   | 401       | 401     |
            | GET /api/cases/{caseId}/policy-work            | Nihon case                       | 200    | 404    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | GET /api/reports/policy-work.csv               | -                                | 403    | 403    | 200  | 403       | 403  | 403      | 403      | 200   | 401       | 401     |
            | GET /api/cases/{id}/comments                   | Nihon case                       | 200    | 404    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | GET /api/cases/{id}/comments                   | Nihon internal comment           | 200-   | 404    | 200+ | 200+      | 200+ | 200-     | 200+     | 200+  | 401       | 401     |
            | GET /api/cases/{id}/comments                   | Sakura internal comment          | 404    | 200-   | 200+ | 200+      | 200- | 200-     | 200+     | 200+  | 401       | 401     |
            | POST /api/cases/{id}/comments                  | fresh Nihon case to discuss      | 201    | 404    | 201  | 201       | 201  | 201      | 201      | 201   | 401       | 401     |
            | GET /api/notifications                         | -                                | 200    | 200    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | POST /api/notifications/{id}/read              | notification of tanaka's         | 204    | 404    | 404  | 404       | 404  | 404      | 404      | 404   | 401       | 401     |
            | POST /api/notifications/read-all               | -                                | 204    | 204    | 204  | 204       | 204  | 204      | 204      | 204   | 401       | 401     |
            | POST /api/tasks/{id}/assignee                  | fresh Nihon screening task       | 403    | 404    | 204  | 403       | 403  | 403      | 403      | 403   | 401       | 401     |
            | GET /api/absences                              | -                                | 200    | 200    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | POST /api/absences                             | -                                | 403    | 403    | 201  | 201       | 403  | 403      | 403      | 403   | 401       | 401     |
            | GET /api/task-filters                          | -                                | 200    | 200    | 200  | 200       | 200  | 200      | 200      | 200   | 401       | 401     |
            | POST /api/task-filters                         | -                                | 201    | 201    | 201  | 201       | 201  | 201      | 201      | 201   | 401       | 401     |
            | DELETE /api/task-filters/{id}                  | fresh filter of tanaka's         | 204    | 404    | 404  | 404       | 404  | 404      | 404      | 404   | 401       | 401     |
            | POST /api/tasks/claim                          | fresh Nihon screening task       | 200-   | 200-   | 200+ | 200-      | 200-  | 200-     | 200-     | 200-  | 401       | 401     |
            | GET /engine-rest/engine                        | -                                | 403    | 403    | 403  | 403       | 403  | 403      | 403      | 200   | 401       | 401     |
            | GET /engine-rest/task                          | -                                | 403    | 403    | 403  | 403       | 403  | 403      | 403      | 200   | 401       | 401     |
            | GET /engine-rest/process-definition            | -                                | 403    | 403    | 403  | 403       | 403  | 403      | 403      | 200   | 401       | 401     |
            """;

    /** The list fixtures are opened for a partner country of their own, so that a list filtered by it is short. */
    private static final String LIST_COUNTRY = "KH";
    private static final String LIST_QUERY = "?partnerCountry=" + LIST_COUNTRY + "&size=200";

    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{(\\w+)}");

    /** The partner country of the cases that contracts and forecasts are recorded for: out of the case lists. */
    private static final String RECORDS_COUNTRY = "VN";

    private static final String METHODOLOGY_PUBLIC_INPUTS = "Timer_MethodologyPublicInputsClosed";

    /** A TPE's designation changed, as a programme manager records the Joint Committee's decision. */
    private static final String TPE_CHANGE = """
            {"name": "Matrix TPE, designation changed", "partnerCountries": ["VN", "KH"], "sectoralScopes": [3],
             "designatedOn": "2014-01-01", "designationEndsOn": "2030-12-31"}""";
    /** What extending the JC's consideration of a fresh case's methodology records. */
    private static final String CONSIDERATION_EXTENDED = """
            select count(*) from methodology m join project_case c on c.methodology_id = m.id
            where c.id = cast(:id as uuid) and m.consideration_extended""";

    /** A demonstration's forecast at selection, as a programme manager records it. */
    private static final String FORECAST = """
            {"atEndTco2PerYear": 1200, "fiveYearsAfterTco2": 6000, "forecastOn": "2016-09-01",
             "basis": "The survey's measurements at the demonstration site"}""";

    /** The selection committee of the fixtures' calls: the independent members and Sakura's. */
    private static final String SELECTION_COMMITTEE =
            "{\"members\": [\"kobayashi\", \"yamamoto\", \"inoue\", \"ito\"]}";

    /** A committee member's scores of a proposal, every criterion of the call. */
    private static final String SCORES = """
            {"conflictOfInterest": false, "scores": {"TECHNICAL_EFFECTIVENESS": 4, "GHG_REDUCTION": 4,
             "DISSEMINATION_POTENTIAL": 4, "COST_EFFECTIVENESS": 4, "POLICY_FIT": 4}, "comment": "Sound"}""";

    /** The programme's settings as they are: writing them changes nothing. */
    private static final String SETTINGS = """
            {"pjCode": "11013", "department": "国際部地球環境対策推進室", "contractType": "COMMISSIONED",
             "account": "エネルギー需給勘定", "firstFiscalYear": 2011, "lastFiscalYear": 2017}""";

    /** The fiscal year of the fixtures' calls, which no other fixture files cases under. */
    private static final int CALL_FISCAL_YEAR = 2021;

    /** What recording the selection of a fresh call records. */
    private static final String CALL_SELECTIONS =
            "select count(*) from selection_decision where call_id = cast(:id as uuid)";

    /** What a write on a fresh contract records: a change or spending. */
    private static final String CONTRACT_WRITES = """
            select (select count(*) from contract_change where contract_id = cast(:id as uuid))
                 + (select count(*) from contract_spending where contract_id = cast(:id as uuid))""";
    /** What signing a contract for a fresh screened case records. */
    private static final String CASE_CONTRACTS =
            "select count(*) from commissioning_contract where case_id = cast(:caseId as uuid)";
    /** What a comment on a fresh case writes. */
    private static final String CASE_COMMENTS =
            "select count(*) from case_comment where case_id = cast(:id as uuid)";
    /** What recording a forecast for a fresh demonstration records. */
    private static final String CASE_FORECASTS =
            "select count(*) from reduction_forecast where case_id = cast(:caseId as uuid)";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMappings;

    /** Only to find a fixture's open task without reading the whole case file over HTTP; it is completed over HTTP. */
    @Autowired
    TaskService camundaTasks;

    /** Only to let a fixture's period of public inputs run out, as its timer would at its end. */
    @Autowired
    org.camunda.bpm.engine.RuntimeService camundaRuntime;

    @Autowired
    org.camunda.bpm.engine.ManagementService camundaJobs;

    /** Set back to a call's window while a fixture's proposal comes in under it. */
    @Autowired
    EngineClock engineClock;

    /** Only to tell that a refused write on a fresh contract or case recorded nothing. */
    @Autowired
    JdbcClient jdbc;

    final KeycloakServer keycloak = KeycloakServer.shared();

    /** One client per user, renewed when Keycloak's token for the user is renewed. */
    private final Map<String, ApiClient> clients = new ConcurrentHashMap<>();
    private final Map<String, String> clientTokens = new ConcurrentHashMap<>();
    /** The fixtures that cells only read, made once. */
    private final Map<String, Fixture> sharedFixtures = new ConcurrentHashMap<>();
    /** The fresh fixtures that the last cell on them left unchanged. */
    private final Map<String, Fixture> freshFixtures = new ConcurrentHashMap<>();
    /**
     * Contract numbers of the fixtures, of one width, so that none is part of another in a list; the database
     * is the test's own, so the numbers are the same at each run.
     */
    private final AtomicInteger contractNumbers = new AtomicInteger();
    /** TPE names are unique: each designated in a cell or fixture has a number of its own. */
    private final AtomicInteger tpeNumbers = new AtomicInteger();
    /** The TPE designated for each partner country's cases, by country. */
    private final Map<String, String> designatedTpes = new ConcurrentHashMap<>();

    private static Map<String, Object> tpeEntry(String name) {
        return Map.of("name", name, "partnerCountries", List.of("VN"), "sectoralScopes", List.of(3),
                "designatedOn", "2014-01-01");
    }

    /** Designates the TPE as a programme manager; its id. */
    private String designate(Map<String, Object> entry) {
        ApiClient.Response designated = client("sato").post("/api/third-party-entities", entry);
        assertThat(designated.status()).as(designated.text()).isEqualTo(201);
        return designated.json().path("id").asText();
    }

    /**
     * What a cell acts on: the values of the endpoint's path variables, and the task's BPMN id for a completion.
     * A fixture that is no task may name what a write on it records ({@code writes}: a count of rows, by the
     * path variables), which is none while the fixture is in its starting state.
     */
    record Fixture(Map<String, String> pathVariables, String taskKey, String listedId, String assignee, String writes) {

        Fixture(Map<String, String> pathVariables, String taskKey, String listedId, String assignee) {
            this(pathVariables, taskKey, listedId, assignee, null);
        }

        static Fixture none() {
            return new Fixture(Map.of(), null, null, null);
        }

        String taskId() {
            return taskKey == null ? null : pathVariables.get("id");
        }

        Fixture claimedBy(String username) {
            return new Fixture(pathVariables, taskKey, listedId, username, writes);
        }

        static Fixture ofCase(String caseId, String documentId) {
            Map<String, String> variables = new HashMap<>();
            variables.put("id", caseId);
            variables.put("caseId", caseId);
            if (documentId != null) {
                variables.put("documentId", documentId);
            }
            return new Fixture(variables, null, caseId, null);
        }

        static Fixture ofTask(String taskId, String taskKey, String caseId) {
            return new Fixture(Map.of("id", taskId, "caseId", caseId), taskKey, taskId, null);
        }
    }

    record Cell(String method, String pattern, String on, String caller, String expected) {

        String endpoint() {
            return method + " " + pattern;
        }

        int expectedStatus() {
            return Integer.parseInt(expected.replaceAll("[+-]$", ""));
        }

        @Override
        public String toString() {
            return endpoint() + " on " + on + " as " + caller + " -> " + expected;
        }
    }

    @BeforeAll
    void realmUserWithoutRoles() {
        keycloak.createUser(USER_WITHOUT_ROLES, "nihon-ecotech");
    }

    Stream<Cell> cells() {
        return parse(MATRIX).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void cell(Cell cell) {
        Fixture fixture = fixture(cell.on());
        String path = expand(cell.pattern(), fixture);
        ApiClient caller = callerClient(cell.caller());
        ApiClient.Response response = switch (cell.endpoint()) {
            case "POST /api/cases" -> caller.post(path, CaseDriver.newCase("Opened in the role matrix"));
            case "POST /api/cases/{caseId}/documents" -> caller.upload(path, "report.pdf", "application/pdf", PDF);
            case "POST /api/tasks/{id}/complete" -> caller.post(path, Map.of("variables", ValidSubmissions.of(fixture.taskKey())));
            case "PUT /api/budget/{fiscalYear}" -> caller.put(path, "{\"budgetMillionJpy\": 1900}");
            case "GET /api/cases", "GET /api/tasks" -> caller.get(path + LIST_QUERY);
            case "POST /api/contracts" -> caller.post(path,
                    contractEntry(fixture.pathVariables().get("caseId"), fixture.pathVariables().get("contractNumber")));
            case "POST /api/contracts/{id}/changes" -> caller.post(path, contractChange());
            case "PUT /api/contracts/{id}/spending/{fiscalYear}" -> caller.put(path, "{\"executedMillionJpy\": 1}");
            case "POST /api/spending/import" -> caller.post(path, "contractNumber,fiscalYear,executedMillionJpy\n"
                    + fixture.pathVariables().get("contractNumber") + ",2015,1\n", Map.of("Content-Type", "text/csv"));
            case "GET /api/reports/contracts.xlsx" -> workbook(caller.download(path));
            case "PUT /api/cases/{caseId}/forecast" -> caller.put(path, FORECAST);
            case "POST /api/third-party-entities" -> caller.post(path, tpeEntry("Matrix TPE " + tpeNumbers.incrementAndGet()));
            case "PUT /api/third-party-entities/{id}" -> caller.put(path, TPE_CHANGE);
            case "POST /api/public-inputs/{id}/comments" -> caller.post(path, Map.of("comment", "A public input."));
            case "POST /api/calls" -> caller.post(path, callEntry());
            case "PUT /api/calls/{id}/committee" -> caller.put(path, SELECTION_COMMITTEE);
            case "PUT /api/calls/{id}/proposals/{caseId}/score" -> caller.put(path, SCORES);
            case "POST /api/calls/{id}/selection" -> caller.post(path, Map.of("selected",
                    List.of(fixture.pathVariables().get("caseId")), "rationale", "Selected short of the quorum"));
            case "GET /api/reports/calls.xlsx", "GET /api/reports/programme.xlsx" -> workbook(caller.download(path));
            case "PUT /api/programme/settings" -> caller.put(path, SETTINGS);
            case "POST /api/programme/evaluations" -> caller.post(path, Map.of("kind", "INTERIM",
                    "heldOn", "2015-06-30", "result", "Recorded in the role matrix"));
            case "POST /api/programme/targets" -> caller.post(path, Map.of("indicator", "ACTIVITY",
                    "targetValue", 10, "revisedOn", "2016-04-01", "reason", "Confirmed in the role matrix"));
            case "POST /api/policy-work" -> caller.post(path, Map.of("partnerCountry", RECORDS_COUNTRY,
                    "heldOn", "2016-12-05", "kind", "SEMINAR", "counterpart", "Ministry of Natural Resources and "
                            + "Environment", "outcome", "Recorded in the role matrix"));
            case "PUT /api/tasks/{id}/draft" -> caller.put(path, "{\"variables\": {}}");
            case "POST /api/cases/{id}/comments" -> caller.post(path, Map.of("text", "Written in the role matrix"));
            case "POST /api/tasks/{id}/assignee" -> caller.post(path, Map.of("assignee", "sato"));
            // kobayashi's, in a year to come: only they and a programme manager record it
            case "POST /api/task-filters" -> caller.post(path, Map.of("name", "Matrix filter " + UUID.randomUUID()));
            case "POST /api/tasks/claim" -> caller.post(path, Map.of("taskIds", List.of(fixture.taskId())));
            case "POST /api/absences" -> caller.post(path, Map.of("person", "kobayashi", "startsOn", "2099-01-01",
                    "endsOn", "2099-01-10", "standIn", "yamamoto"));
            default -> switch (cell.method()) {
                case "GET" -> caller.get(path);
                case "POST" -> caller.post(path);
                case "DELETE" -> caller.send("DELETE", path, null, Map.of());
                default -> throw new IllegalArgumentException("No request known for " + cell.endpoint());
            };
        };

        String what = cell.endpoint() + " on " + cell.on() + " as " + cell.caller();
        assertThat(response.status())
                .as("%s: expected %s, actual %d: %s", what, cell.expected(), response.status(), excerpt(response.text()))
                .isEqualTo(cell.expectedStatus());
        if (response.status() >= 400) {
            assertThat(response.contentType()).as("%s: refusal as problem+json", what)
                    .startsWith("application/problem+json");
        }
        if (cell.on().startsWith("fresh ")) {
            if (response.status() >= 400 && (fixture.taskId() != null || fixture.writes() != null)) {
                assertThat(unchanged(fixture)).as("%s: refused, so %s", what, fixture.taskId() == null
                        ? "nothing is recorded on it"
                        : "the task is still open and "
                                + (fixture.assignee() == null ? "unclaimed" : "claimed by " + fixture.assignee()))
                        .isTrue();
            }
            if (response.status() < 400) {
                freshFixtures.remove(cell.on());
            }
        }
        if (cell.endpoint().equals("POST /api/tasks/claim") && response.status() == 200) {
            // a bulk claim answers 200 with what it claimed and what it refused: "+" claimed, "-" refused and the
            // task unchanged
            boolean claimed = response.json().path("claimed").toString().contains(fixture.taskId());
            assertThat(claimed).as("%s: expected %s", what, cell.expected()).isEqualTo(cell.expected().endsWith("+"));
            if (!claimed) {
                assertThat(unchanged(fixture)).as("%s: refused, so the task is still open and unclaimed", what).isTrue();
            } else {
                freshFixtures.remove(cell.on());
            }
        } else if (!cell.endpoint().equals("POST /api/tasks/claim")
                && (cell.expected().endsWith("+") || cell.expected().endsWith("-"))) {
            boolean listed = response.text().contains(fixture.listedId());
            assertThat(listed)
                    .as("%s: expected %s (the fixture %s), actual: %s", what, cell.expected(),
                            cell.expected().endsWith("+") ? "listed" : "not listed", listed ? "listed" : "not listed")
                    .isEqualTo(cell.expected().endsWith("+"));
        }
    }

    /** A new endpoint of the API without a row in the matrix fails here; so does a row naming no endpoint. */
    @Test
    void everyApiEndpointHasARow() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo mapping : handlerMappings.getHandlerMethods().keySet()) {
            for (String pattern : mapping.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
                    assertThat(methods).as("%s answers every HTTP method; the matrix needs one", pattern).isNotEmpty();
                    methods.forEach(method -> mapped.add(method.name() + " " + pattern));
                }
            }
        }
        Set<String> inMatrix = new TreeSet<>();
        parse(MATRIX).stream().map(Cell::endpoint).filter(endpoint -> endpoint.contains(" /api/")).forEach(inMatrix::add);

        assertThat(mapped).as("the API's endpoints").contains("GET /api/me", "POST /api/tasks/{id}/complete");
        assertThat(inMatrix).as("endpoints of the role matrix, against the endpoints the application maps")
                .containsExactlyInAnyOrderElementsOf(mapped);
    }

    // --- the table ---

    private static List<Cell> parse(String table) {
        List<String> lines = table.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        List<String> header = columns(lines.get(0));
        List<Cell> cells = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> row = columns(line);
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("Row with " + row.size() + " columns, header has " + header.size()
                        + ": " + line);
            }
            String[] endpoint = row.get(0).split(" ", 2);
            for (int column = 2; column < header.size(); column++) {
                cells.add(new Cell(endpoint[0], endpoint[1], row.get(1), header.get(column), row.get(column)));
            }
        }
        return cells;
    }

    private static List<String> columns(String line) {
        String inner = line.substring(line.indexOf('|') + 1, line.lastIndexOf('|'));
        return Arrays.stream(inner.split("\\|")).map(String::strip).toList();
    }

    private static String expand(String pattern, Fixture fixture) {
        Matcher variable = PATH_VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String value = fixture.pathVariables().get(variable.group(1));
            if (value == null) {
                throw new IllegalArgumentException("The fixture has no value for {" + variable.group(1) + "} of " + pattern);
            }
            variable.appendReplacement(path, value);
        }
        return variable.appendTail(path).toString();
    }

    private static String excerpt(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    // --- callers ---

    private ApiClient callerClient(String caller) {
        return switch (caller) {
            case "anonymous" -> ApiClient.anonymous(port);
            case "no-role" -> client(USER_WITHOUT_ROLES);
            default -> client(caller);
        };
    }

    private ApiClient client(String username) {
        String token = keycloak.accessToken(username);
        if (!token.equals(clientTokens.get(username))) {
            clients.put(username, ApiClient.withToken(port, token));
            clientTokens.put(username, token);
        }
        return clients.get(username);
    }

    // --- fixtures ---

    /**
     * A "fresh" fixture is in its starting state for every cell: it is made anew when the last cell changed it,
     * and kept for the next cell when the last cell was refused and left it as it was (which the cell checks).
     */
    private Fixture fixture(String name) {
        if (name.startsWith("fresh ")) {
            Fixture kept = freshFixtures.get(name);
            if (kept == null || !unchanged(kept) && !handedBack(kept)) {
                kept = make(name);
                freshFixtures.put(name, kept);
            }
            return kept;
        }
        // Not computeIfAbsent: one shared fixture may be made from another.
        Fixture shared = sharedFixtures.get(name);
        if (shared == null) {
            shared = make(name);
            sharedFixtures.put(name, shared);
        }
        return shared;
    }

    private Fixture make(String name) {
        return switch (name) {
            case "-" -> Fixture.none();
            case "FY2017" -> new Fixture(Map.of("fiscalYear", "2017"), null, null, null);
            case "Nihon case" -> nihonCaseWithDocument();
            case "Sakura case" -> Fixture.ofCase(fixture("Sakura evaluation task").pathVariables().get("caseId"), null);
            case "fresh Nihon case" -> Fixture.ofCase(openCase("tanaka", "Role matrix: a fresh case", "VN"), null);
            case "Nihon proponent task", "fresh Nihon proponent task" ->
                    taskOf("tanaka", "Task_SubmitFeasibilityReport", countryOf(name));
            case "Nihon screening task", "fresh Nihon screening task" ->
                    taskOf("tanaka", "Task_ScreenProposal", countryOf(name));
            // an evaluation is given by name: to kobayashi, of the committee convened for the case
            case "fresh Nihon evaluation task" -> taskOf("tanaka", "Task_EvaluateCase", "VN").claimedBy("kobayashi");
            case "Sakura evaluation task", "fresh Sakura evaluation task" ->
                    taskOf("suzuki", "Task_EvaluateCase", countryOf(name)).claimedBy("kobayashi");
            case "Nihon convening task", "fresh Nihon convening task" ->
                    taskOf("tanaka", "Task_ConveneCommittee", countryOf(name));
            case "Viet Nam" -> new Fixture(Map.of("partnerCountry", "VN"), null, null, null);
            case "TPE", "fresh TPE" -> new Fixture(Map.of("id", designate(tpeEntry("Matrix fixture TPE "
                    + tpeNumbers.incrementAndGet()))), null, null, null);
            case "Nihon public inputs" -> {
                String caseId = caseAt("tanaka", "Timer_MethodologyPublicInputsClosed", "VN");
                for (com.fasterxml.jackson.databind.JsonNode period : client("tanaka").get("/api/public-inputs?open=true")
                        .json()) {
                    if (period.path("caseId").asText().equals(caseId)) {
                        yield new Fixture(Map.of("id", period.path("id").asText()), null, null, null);
                    }
                }
                throw new AssertionError("No public inputs open on case " + caseId);
            }
            case "fresh Nihon consideration" -> {
                String caseId = caseAt("tanaka", "Task_DecideMethodology", "VN");
                yield new Fixture(Map.of("id", caseId), null, null, null, CONSIDERATION_EXTENDED);
            }
            case "Nihon methodology decision task", "fresh methodology decision task" ->
                    taskOf("tanaka", "Task_DecideMethodology", countryOf(name));
            case "Nihon validation task", "fresh validation task" ->
                    taskOf("tanaka", "Task_ValidateProjectDesign", countryOf(name));
            // the methodology the case drafted, proposed to the Joint Committee: public programme information
            case "Nihon methodology case" -> Fixture.ofCase(
                    fixture("Nihon methodology decision task").pathVariables().get("caseId"), null);
            case "Nihon methodology" -> {
                String caseId = fixture("Nihon methodology decision task").pathVariables().get("caseId");
                ApiClient.Response mrv = client("tanaka").get("/api/cases/" + caseId + "/mrv");
                assertThat(mrv.status()).as(mrv.text()).isEqualTo(200);
                yield new Fixture(Map.of("id", mrv.json().path("methodology").path("id").asText()), null, null, null);
            }
            // a proponent task of tanaka's, claimed by saving a draft of its form
            case "Nihon drafted task", "fresh Nihon drafted task" -> {
                Fixture task = taskOf("tanaka", "Task_SubmitFeasibilityReport", countryOf(name));
                ApiClient.Response saved = client("tanaka").put("/api/tasks/" + task.pathVariables().get("id")
                        + "/draft", "{\"variables\": {\"mrvApproach\": \"Metered on site.\"}}");
                assertThat(saved.status()).as(saved.text()).isEqualTo(200);
                yield task.claimedBy("tanaka");
            }
            case "fresh proponent task of tanaka's" -> {
                Fixture task = taskOf("tanaka", "Task_SubmitFeasibilityReport", "VN");
                ApiClient.Response claimed = client("tanaka").post("/api/tasks/" + task.pathVariables().get("id") + "/claim");
                assertThat(claimed.status()).as(claimed.text()).isEqualTo(204);
                yield task.claimedBy("tanaka");
            }
            // contracts on cases of their own, each with a change and spending, so that every export lists them
            case "Nihon contract" -> contractOf("tanaka", true);
            case "Sakura contract" -> contractOf("suzuki", true);
            case "fresh Nihon contract" -> contractOf("tanaka", false);
            // a case that the screening selected for a feasibility study, and the number its contract is to have
            case "fresh screened Nihon case" -> {
                String caseId = caseAt("tanaka", "Task_SubmitFeasibilityReport", RECORDS_COUNTRY);
                yield new Fixture(Map.of("caseId", caseId, "contractNumber", nextContractNumber()), null, null, null,
                        CASE_CONTRACTS);
            }
            case "Nihon forecast" -> {
                String caseId = selectedDemonstration("tanaka");
                ApiClient.Response recorded = client("sato").put("/api/cases/" + caseId + "/forecast", FORECAST);
                assertThat(recorded.status()).as(recorded.text()).isEqualTo(204);
                yield new Fixture(Map.of("caseId", caseId), null, caseId, null);
            }
            case "FY2021 call" -> callWithNihonProposal(null);
            case "fresh FY2021 call" -> callWithNihonProposal(CALL_SELECTIONS);
            case "fresh Nihon case to discuss" -> {
                String caseId = openCase("tanaka", "Role matrix: a case to discuss", "VN");
                yield new Fixture(Map.of("id", caseId), null, null, null, CASE_COMMENTS);
            }
            // an internal comment, listed by its text to those who may read it
            case "Nihon internal comment" -> internalComment(fixture("Nihon case").pathVariables().get("id"), "Nihon");
            case "Sakura internal comment" -> internalComment(fixture("Sakura case").pathVariables().get("id"), "Sakura");
            case "notification of tanaka's" -> notificationOf("tanaka");
            case "fresh filter of tanaka's" -> {
                ApiClient.Response saved = client("tanaka").post("/api/task-filters",
                        Map.of("name", "Matrix filter of tanaka's " + UUID.randomUUID()));
                assertThat(saved.status()).as(saved.text()).isEqualTo(201);
                yield new Fixture(Map.of("id", saved.json().path("id").asText()), null, null, null);
            }
            case "fresh Nihon demonstration" ->
                    new Fixture(Map.of("caseId", selectedDemonstration("tanaka")), null, null, null, CASE_FORECASTS);
            default -> throw new IllegalArgumentException("No fixture named " + name);
        };
    }

    /** Shared fixtures are listed, so they get the list's own partner country; fresh ones stay out of the lists. */
    private static String countryOf(String fixtureName) {
        return fixtureName.startsWith("fresh ") ? "VN" : LIST_COUNTRY;
    }

    private Fixture nihonCaseWithDocument() {
        String caseId = caseAt("tanaka", "Task_SubmitFeasibilityReport", LIST_COUNTRY);
        ApiClient.Response uploaded = client("tanaka").upload("/api/cases/" + caseId + "/documents",
                "feasibility-report.pdf", "application/pdf", PDF);
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        return Fixture.ofCase(caseId, uploaded.json().path("id").asText());
    }

    private Fixture taskOf(String proponent, String taskKey, String partnerCountry) {
        String caseId = caseAt(proponent, taskKey, partnerCountry);
        return Fixture.ofTask(openTask(caseId, taskKey), taskKey, caseId);
    }

    /**
     * A new case of the proponent, driven through the API until the given task is open: through the
     * pre-demonstration survey to the stage gate, or through the MRV application survey to the MRV stage.
     */
    private String caseAt(String proponent, String taskKey, String partnerCountry) {
        String caseId = openCase(proponent, "Role matrix: " + taskKey + " of " + proponent, partnerCountry);
        boolean toMrv = taskKey.equals("Task_DecideMethodology") || taskKey.equals("Task_ValidateProjectDesign")
                || taskKey.equals(METHODOLOGY_PUBLIC_INPUTS);
        List<String[]> steps = new ArrayList<>();
        steps.add(new String[] {"Task_ScreenProposal", "sato"});
        steps.add(new String[] {"Task_SubmitFeasibilityReport", proponent});
        steps.add(new String[] {"Task_ReviewFeasibilityReport", "sato"});
        if (toMrv) {
            steps.add(new String[] {"Task_SubmitMrvApplicationSurvey", proponent});
            steps.add(new String[] {"Task_ReviewMrvApplicationSurvey", "sato"});
            steps.add(new String[] {"Task_DraftMethodology", proponent});
            steps.add(new String[] {"Task_CheckMethodologyCompleteness", "nakamura"});
            steps.add(new String[] {METHODOLOGY_PUBLIC_INPUTS, null});
            steps.add(new String[] {"Task_DecideMethodology", "nakamura"});
            steps.add(new String[] {"Task_SubmitProjectDesign", proponent});
            steps.add(new String[] {"Timer_ProjectDesignPublicInputsClosed", null});
        } else {
            steps.add(new String[] {"Task_SubmitSurveyResults", proponent});
            steps.add(new String[] {"Task_ReviewSurveyResults", "sato"});
            steps.add(new String[] {"Task_ConveneCommittee", "sato"});
        }
        for (String[] step : steps) {
            if (step[0].equals(taskKey)) {
                return caseId;
            }
            if (step[1] == null) {
                // the period of public inputs runs out: its timer fires
                String instance = camundaRuntime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                        .processDefinitionKey("jcm-mrv").singleResult().getId();
                camundaJobs.executeJob(camundaJobs.createJobQuery().processInstanceId(instance).activityId(step[0])
                        .singleResult().getId());
                continue;
            }
            Map<String, Object> values = new HashMap<>(ValidSubmissions.of(step[0]));
            if (step[0].equals("Task_ReviewFeasibilityReport")) {
                values.put("studyOutcome", toMrv ? "MRV_APPLICATION_SURVEY" : "PRE_DEMONSTRATION_SURVEY");
            }
            if (step[0].equals("Task_SubmitProjectDesign")) {
                ApiClient.Response pdd = client(proponent).upload("/api/cases/" + caseId + "/documents", "pdd.pdf",
                        "application/pdf", PDF);
                assertThat(pdd.status()).as(pdd.text()).isEqualTo(201);
                values.put("projectDesignDocument", pdd.json().path("id").asText());
                values.put("tpeId", designatedTpes.computeIfAbsent(partnerCountry, country -> designate(Map.of(
                        "name", "Matrix TPE of " + country, "partnerCountries", List.of(country),
                        "sectoralScopes", List.of(3), "designatedOn", "2014-01-01"))));
            }
            ApiClient.Response completed = client(step[1]).post("/api/tasks/" + openTask(caseId, step[0]) + "/complete",
                    Map.of("variables", values));
            assertThat(completed.status()).as("completing %s as %s: %s", step[0], step[1], completed.text()).isEqualTo(204);
        }
        if (!taskKey.equals("Task_EvaluateCase") && !taskKey.equals("Task_ValidateProjectDesign")) {
            throw new IllegalArgumentException("No way known to " + taskKey);
        }
        return caseId;
    }

    private String openCase(String proponent, String title, String partnerCountry) {
        Map<String, Object> body = CaseDriver.newCase(title);
        body.put("partnerCountry", partnerCountry);
        ApiClient.Response opened = client(proponent).post("/api/cases", body);
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        return opened.json().path("id").asText();
    }

    /**
     * The fixture's task is open and claimed as it was made; a contract or case has nothing recorded by a write
     * on it (a case fixture that names no such write has nothing to check).
     */
    private boolean unchanged(Fixture fixture) {
        if (fixture.writes() != null) {
            return jdbc.sql(fixture.writes()).params(fixture.pathVariables()).query(Long.class).single() == 0;
        }
        if (fixture.taskId() == null) {
            return true;
        }
        Task task = camundaTasks.createTaskQuery().taskId(fixture.taskId()).active().singleResult();
        return task != null && Objects.equals(task.getAssignee(), fixture.assignee());
    }

    /**
     * Puts the fixture's task back in the hands it was made in, when a claim or an unclaim is all that changed it
     * (open, no draft saved): cheaper than a new case driven to that task, and the same starting state.
     */
    private boolean handedBack(Fixture fixture) {
        if (fixture.writes() != null || fixture.taskId() == null
                || camundaTasks.createTaskQuery().taskId(fixture.taskId()).active().count() == 0
                || jdbc.sql("select count(*) from task_draft where task_id = ?").param(fixture.taskId())
                        .query(Long.class).single() > 0) {
            return false;
        }
        camundaTasks.setAssignee(fixture.taskId(), fixture.assignee());
        return true;
    }

    /**
     * A contract signed by a programme manager for a feasibility study of a new case of the proponent's, with a
     * change of its amount and spending in FY2015 recorded, or (for a fresh fixture) as signed.
     */
    private Fixture contractOf(String proponent, boolean withChangeAndSpending) {
        String caseId = caseAt(proponent, "Task_SubmitFeasibilityReport", RECORDS_COUNTRY);
        String number = nextContractNumber();
        ApiClient.Response signed = client("sato").post("/api/contracts", contractEntry(caseId, number));
        assertThat(signed.status()).as(signed.text()).isEqualTo(201);
        String id = signed.json().path("id").asText();
        Map<String, String> variables = Map.of("id", id, "fiscalYear", "2015", "contractNumber", number);
        if (!withChangeAndSpending) {
            return new Fixture(variables, null, number, null, CONTRACT_WRITES);
        }
        ApiClient.Response changed = client("sato").post("/api/contracts/" + id + "/changes", contractChange());
        assertThat(changed.status()).as(changed.text()).isEqualTo(201);
        ApiClient.Response spent = client("sato").put("/api/contracts/" + id + "/spending/2015",
                "{\"executedMillionJpy\": 1}");
        assertThat(spent.status()).as(spent.text()).isEqualTo(204);
        return new Fixture(variables, null, number, null);
    }

    /**
     * A call of its own fiscal year whose window has passed, with a proposal of Nihon EcoTech's that came in while
     * it was open (on the engine's clock, set back to then) and the selection committee named.
     */
    private Fixture callWithNihonProposal(String writes) {
        ApiClient.Response opened = client("sato").post("/api/calls", callEntry());
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        String callId = opened.json().path("id").asText();
        Map<String, Object> proposal = CaseDriver.newCase("Role matrix: a proposal under a call");
        proposal.put("partnerCountry", RECORDS_COUNTRY);
        proposal.put("fiscalYear", CALL_FISCAL_YEAR);
        proposal.put("callId", callId);
        ApiClient.Response proposed;
        engineClock.stopAt(Instant.parse("2026-01-10T03:00:00Z"));
        try {
            proposed = client("tanaka").post("/api/cases", proposal);
        } finally {
            engineClock.resume();
        }
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        ApiClient.Response named = client("sato").put("/api/calls/" + callId + "/committee", SELECTION_COMMITTEE);
        assertThat(named.status()).as(named.text()).isEqualTo(200);
        return new Fixture(Map.of("id", callId, "caseId", proposed.json().path("id").asText()), null, callId, null,
                writes);
    }

    private static Map<String, Object> callEntry() {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("title", "Role matrix: FY" + CALL_FISCAL_YEAR + " call");
        call.put("fiscalYear", CALL_FISCAL_YEAR);
        call.put("opensOn", "2026-01-05");
        call.put("closesOn", "2026-01-20");
        call.put("kinds", List.of("FEASIBILITY_STUDY"));
        return call;
    }

    private String nextContractNumber() {
        return "MATRIX-%04d".formatted(contractNumbers.incrementAndGet());
    }

    /** A feasibility study's contract, FY2015 to FY2016, for 10 million JPY. */
    private static Map<String, Object> contractEntry(String caseId, String contractNumber) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("contractNumber", contractNumber);
        entry.put("caseId", caseId);
        entry.put("kind", "FEASIBILITY_STUDY");
        entry.put("signedOn", "2015-05-20");
        entry.put("startsOn", "2015-06-01");
        entry.put("endsOn", "2016-12-31");
        entry.put("amountMillionJpy", new BigDecimal("10"));
        return entry;
    }

    private static Map<String, Object> contractChange() {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("changedOn", "2016-02-01");
        change.put("amountMillionJpy", new BigDecimal("12"));
        change.put("reason", "A second site at the partner ministry's request");
        return change;
    }

    private Fixture internalComment(String caseId, String organization) {
        String text = "Internal note of the role matrix on the " + organization + " case";
        ApiClient.Response written = client("sato").post("/api/cases/" + caseId + "/comments",
                Map.of("text", text, "internal", true));
        assertThat(written.status()).as(written.text()).isEqualTo(201);
        return new Fixture(Map.of("id", caseId), null, text, null);
    }

    /** A notification in the person's inbox: a programme manager mentions them on a case of theirs. */
    private Fixture notificationOf(String username) {
        String caseId = fixture("Nihon case").pathVariables().get("id");
        ApiClient.Response written = client("sato").post("/api/cases/" + caseId + "/comments",
                Map.of("text", "@" + username + " a note of the role matrix"));
        assertThat(written.status()).as(written.text()).isEqualTo(201);
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            List<Long> ids = jdbc.sql("select id from inbox_notification where username = ? and kind = 'MENTION'")
                    .param(username).query(Long.class).list();
            if (!ids.isEmpty()) {
                return new Fixture(Map.of("id", String.valueOf(ids.get(0))), null, null, null);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("No notification reached " + username);
    }

    /** A new case of the proponent's that the stage gate found appropriate: a demonstration, selected. */
    private String selectedDemonstration(String proponent) {
        String caseId = caseAt(proponent, "Task_ConveneCommittee", RECORDS_COUNTRY);
        CaseDriver driver = new CaseDriver(this::client);
        driver.evaluateAtStageGate(caseId);
        driver.complete(caseId, "Task_ConfirmStageGateDecision", "sato");
        return caseId;
    }

    /**
     * A workbook's answer as the cell reads it: on success the text of its sheets' cells, a line per row, so
     * that a list's fixture can be looked for in it; a refusal as it is.
     */
    private static ApiClient.Response workbook(HttpResponse<byte[]> download) {
        String contentType = download.headers().firstValue("Content-Type").orElse(null);
        if (download.statusCode() != 200) {
            return new ApiClient.Response(download.statusCode(), contentType,
                    new String(download.body(), StandardCharsets.UTF_8), download.headers());
        }
        StringBuilder text = new StringBuilder();
        DataFormatter cells = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    row.forEach(cell -> text.append(cells.formatCellValue(cell)).append(','));
                    text.append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ApiClient.Response(200, contentType, text.toString(), download.headers());
    }

    private String openTask(String caseId, String taskKey) {
        // of a committee's evaluations, kobayashi's
        Task task = camundaTasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(taskKey).active()
                .list().stream().filter(open -> open.getAssignee() == null || open.getAssignee().equals("kobayashi"))
                .findFirst().orElse(null);
        assertThat(task).as("case %s has an open task %s", caseId, taskKey).isNotNull();
        return task.getId();
    }
}
