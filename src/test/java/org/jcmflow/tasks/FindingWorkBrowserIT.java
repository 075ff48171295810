package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.util.List;
import java.util.UUID;

import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.Browser;
import org.jcmflow.testsupport.CaseDriver;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A programme manager finds their work in the inbox: sorts it by case, saves the filter under a name and opens it
 * again, and claims two tasks at once. On the browser tests' application (see PortalBrowserIT).
 */
@ApplicationTest
@TestPropertySource(properties = "spring.application.name=jcm-flow-browser-test")
class FindingWorkBrowserIT {

    @LocalServerPort
    int port;

    private final CaseDriver driver;

    FindingWorkBrowserIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void aProgrammeManagerSortsSavesAFilterAndClaimsTwoTasksAtOnce() {
        String token = "FB" + UUID.randomUUID().toString().substring(0, 8);
        driver.openCase(PROPONENT, token + " Zinc smelter heat");
        driver.openCase(PROPONENT, token + " Amine capture");
        try (Browser sato = Browser.open(port)) {
            sato.logIn(PROGRAM_MANAGER).go("/tasks");
            sato.type(By.cssSelector(".filters input[name=q]"), token);
            new Select(sato.find(By.cssSelector(".filters select[name=sort]"))).selectByVisibleText("Case");
            sato.clickToNextPage(By.cssSelector(".filters button[type=submit]"));
            assertThat(caseTitles(sato)).containsExactly(token + " Amine capture", token + " Zinc smelter heat");

            sato.type(By.cssSelector("#save-filter input[name=name]"), "Capture " + token);
            sato.clickToNextPage(By.cssSelector("#save-filter button[type=submit]"));
            assertThat(sato.text(By.cssSelector(".flash.notice"))).isEqualTo("The filter \"Capture " + token
                    + "\" is saved.");
            assertThat(sato.path()).isEqualTo("/tasks?q=" + token + "&sort=case");

            sato.go("/tasks");
            sato.clickToNextPage(By.linkText("Capture " + token));
            assertThat(caseTitles(sato)).containsExactly(token + " Amine capture", token + " Zinc smelter heat");

            for (WebElement tick : sato.findAll(By.cssSelector("#task-list input[name=taskId]"))) {
                tick.click();
            }
            sato.clickToNextPage(By.cssSelector("#bulk-claim button[type=submit]"));
            assertThat(sato.text(By.cssSelector(".flash.notice"))).isEqualTo("2 tasks are now yours.");
            assertThat(sato.findAll(By.cssSelector("#task-list td[data-label='Claimed by']")))
                    .extracting(WebElement::getText).containsOnly("Makoto Sato");
            assertThat(sato.findAll(By.cssSelector("#task-list input[name=taskId]"))).as("nothing left to claim")
                    .isEmpty();
            assertThat(sato.consoleErrors()).isEmpty();
        }
    }

    private static List<String> caseTitles(Browser browser) {
        return browser.findAll(By.cssSelector("#task-list td[data-label=Case] a")).stream().map(WebElement::getText)
                .toList();
    }
}
