package org.jcmflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The engine API's error messages, as Tasklist's users get them. */
class EngineErrorMessagesTest {

    private final EngineErrorMessages.PlainEngineErrors filter =
            new EngineErrorMessages.PlainEngineErrors(new ObjectMapper());

    @Test
    void anExpressionOrAClassNameBecomesPlainWords() {
        assertThat(EngineErrorMessages.plain("Unknown property used in expression: ${evaluation.score > 3}. "
                + "Cause: Cannot resolve identifier 'evaluation'")).isEqualTo(EngineErrorMessages.EXPRESSION_FAILED);
        assertThat(EngineErrorMessages.plain("#{committee.quorum} is not a number"))
                .isEqualTo(EngineErrorMessages.EXPRESSION_FAILED);
        assertThat(EngineErrorMessages.plain("org.camunda.bpm.engine.exception.NullValueException: task is null"))
                .isEqualTo(EngineErrorMessages.ENGINE_FAILED);
    }

    @Test
    void theRulesOwnMessagesPassAsTheyAre() {
        for (String message : new String[] {"No matching task with id 42",
                "The task is for program-manager, stage-gate-committee; you hold none of these roles.",
                "Invalid field: evaluation.score", "The user with id 'tanaka' does not have 'READ' permission"}) {
            assertThat(EngineErrorMessages.plain(message)).isEqualTo(message);
        }
    }

    @Test
    void theFilterRewritesTheMessageOfAnErrorAnswerOnly() throws Exception {
        String error = "{\"type\":\"ProcessEngineException\",\"message\":\"Unknown property used in expression: "
                + "${noSuchBean.x}\",\"code\":0}";
        MockHttpServletResponse failed = answer(500, error);
        assertThat(failed.getStatus()).isEqualTo(500);
        assertThat(failed.getContentAsString()).contains("\"type\":\"ProcessEngineException\"",
                EngineErrorMessages.EXPRESSION_FAILED).doesNotContain("${", "noSuchBean");
        assertThat(failed.getContentLength()).isEqualTo(failed.getContentAsByteArray().length);

        String list = "[{\"name\":\"${not an error}\"}]";
        assertThat(answer(200, list).getContentAsString()).isEqualTo(list);
    }

    private MockHttpServletResponse answer(int status, String body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/camunda/api/engine/engine/default/task");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req,
                                   jakarta.servlet.http.HttpServletResponse res) throws java.io.IOException {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                res.setStatus(status);
                res.setContentType("application/json");
                res.setContentLength(bytes.length);
                res.getOutputStream().write(bytes);
            }
        }));
        return response;
    }
}
