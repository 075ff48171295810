package org.jcmflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;

import java.util.List;

import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal's stylesheet and scripts are addressed by their content (a web jar's by its version): a browser keeps
 * them for a year, and a release that changes one changes its address, so that nobody reads a new page with an
 * old script.
 */
@ApplicationTest
class StaticAssetsIT {

    private static final String YEAR = "max-age=31536000";

    @LocalServerPort
    int port;

    @Test
    void thePagesLinkTheirAssetsByContentAndTheAssetsAreKeptForAYear() {
        ApiClient manager = ApiClient.as(port, PROGRAM_MANAGER);
        Document dashboard = Jsoup.parse(manager.getPage("/dashboard").text());
        String stylesheet = dashboard.selectFirst("link[rel=stylesheet]").attr("href");
        List<String> scripts = dashboard.select("script[src]").eachAttr("src");

        assertThat(stylesheet).matches("/assets/portal-[0-9a-f]{32}\\.css");
        assertThat(scripts).anySatisfy(script -> assertThat(script).matches("/assets/portal-[0-9a-f]{32}\\.js"))
                .anySatisfy(script -> assertThat(script).matches("/assets/dashboard-[0-9a-f]{32}\\.js"))
                // a web jar's files by its version
                .anySatisfy(script -> assertThat(script)
                        .matches("/webjars/chart\\.js/[0-9.]+/dist/chart\\.umd\\.min(-[0-9a-f]{32})?\\.js"));

        ApiClient anonymous = ApiClient.anonymous(port);
        ApiClient.Response css = anonymous.get(stylesheet, "text/css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.text()).contains("@media print");
        assertThat(css.header("Cache-Control")).contains(YEAR);
        for (String script : scripts) {
            ApiClient.Response answer = manager.get(script, "*/*");
            assertThat(answer.status()).as(script).isEqualTo(200);
            assertThat(answer.header("Cache-Control")).as(script).contains(YEAR);
        }
        // the address of the stylesheet as it is: still served, for a page cached before its content was named
        assertThat(anonymous.get("/assets/portal.css", "text/css").status()).isEqualTo(200);
        // a digest that is not the content's finds nothing
        assertThat(anonymous.get("/assets/portal-00000000000000000000000000000000.css", "text/css").status())
                .isEqualTo(404);
    }
}
