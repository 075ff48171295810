package org.jcmflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;

import org.jcmflow.identity.LoginPage;
import org.jcmflow.testsupport.PageTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Errors outside the page controllers reach Spring Boot's error controller, the way the servlet container
 * forwards them there: the page still has the portal's header.
 */
@PageTest(PortalPages.class)
@WithMockUser(username = "tanaka", authorities = {"ROLE_proponent", "ORG_nihon-ecotech"})
class ErrorPagesTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LoginPage loginPage;

    /** The forward the container makes after an error on {@code uri}. */
    private static MockHttpServletRequestBuilder errorAfter(int status, String uri, String query) {
        MockHttpServletRequestBuilder forward = get("/error").accept(MediaType.TEXT_HTML)
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, uri);
        return query == null ? forward : forward.requestAttr(RequestDispatcher.FORWARD_QUERY_STRING, query);
    }

    @Test
    void anUnknownAddressGetsTheLayoutWithTheUserNavigationAndLanguageSwitch() throws Exception {
        String page = mvc.perform(errorAfter(404, "/no/such/page", "from=mail"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<h1>Not found</h1>", "There is no such page, or it is not open to you.");
        assertThat(page).contains(">My tasks</a>", ">Cases</a>", ">New proposal</a>", "<strong>tanaka</strong>",
                ">Proponent</span>", ">Nihon EcoTech Co., Ltd.</span>", "action=\"/logout\"", ">Log out</button>");
        // the language switch stays on the address asked for, not on /error
        assertThat(page).contains("href=\"/no/such/page?from=mail&amp;lang=ja\"");
    }

    @Test
    void aForbiddenPageInJapanese() throws Exception {
        String page = mvc.perform(errorAfter(403, "/actuator/prometheus", null).header("Accept-Language", "ja"))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("lang=\"ja\"", "許可されていません", "マイタスク", "ログアウト", "提案者",
                "日本エコテック株式会社", "href=\"/actuator/prometheus?lang=en\"");
    }

    @Test
    void anUnexpectedErrorToo() throws Exception {
        String page = mvc.perform(errorAfter(500, "/tasks", null))
                .andExpect(status().isInternalServerError()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("An unexpected error occurred; it has been logged.", ">My tasks</a>",
                ">Log out</button>");
    }
}
