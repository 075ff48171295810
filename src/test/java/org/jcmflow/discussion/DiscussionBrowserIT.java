package org.jcmflow.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.COMMITTEE_MEMBER;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.time.Duration;
import java.time.Instant;

import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.Browser;
import org.jcmflow.testsupport.CaseDriver;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The discussion and the bell in a real browser, in English and Japanese: a programme manager writes an internal
 * comment and a comment on a task that mentions the proponent; the proponent reads the one, never the other,
 * follows the bell to the comment and marks the rest read. On the browser tests' application (see PortalBrowserIT).
 */
@ApplicationTest
@TestPropertySource(properties = "spring.application.name=jcm-flow-browser-test")
class DiscussionBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    private final CaseDriver driver;

    DiscussionBrowserIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void aProgrammeManagerDiscussesACaseAndTheProponentFollowsTheBellToTheCommentMeantForThem() {
        String caseId = driver.openCase(PROPONENT, "Discussed: inverter air-conditioners in Hanoi");
        try (Browser sato = Browser.open(port)) {
            sato.logIn(PROGRAM_MANAGER).go("/cases/" + caseId);
            assertThat(sato.text(By.cssSelector("#discussion h2"))).isEqualTo("Discussion");
            assertThat(sato.text(By.cssSelector("#discussion .empty"))).isEqualTo("No comments yet.");

            sato.type(By.id("comment-text"), "Please look at this, @nobody-at-all");
            sato.clickToNextPage(By.cssSelector("#comment-form button[type=submit]"));
            assertThat(sato.text(By.id("comment-text-error")))
                    .isEqualTo("@nobody-at-all is nobody in JCM Flow; please check the username.");
            assertThat(sato.find(By.id("comment-text")).getAttribute("value")).as("the text is kept")
                    .isEqualTo("Please look at this, @nobody-at-all");

            sato.type(By.id("comment-text"), "The budget is high for two sites; @kobayashi what do you think?");
            sato.find(By.id("comment-internal")).click();
            sato.clickToNextPage(By.cssSelector("#comment-form button[type=submit]"));
            assertThat(sato.text(By.cssSelector(".flash.notice"))).isEqualTo("Your comment is posted.");
            assertThat(sato.text(By.cssSelector(".comment.internal .comment-text")))
                    .isEqualTo("The budget is high for two sites; @kobayashi what do you think?");
            assertThat(sato.text(By.cssSelector(".comment.internal .tag.warn"))).isEqualTo("Internal");

            sato.type(By.id("comment-text"), "@tanaka please upload the site survey before the screening.");
            new Select(sato.find(By.id("comment-task"))).selectByVisibleText("Screen proposal");
            sato.clickToNextPage(By.cssSelector("#comment-form button[type=submit]"));
            assertThat(sato.findAll(By.cssSelector(".comment"))).hasSize(2);
            assertThat(sato.text(By.cssSelector(".comment:not(.internal) .comment-task"))).isEqualTo("on: Screen proposal");
        }

        try (Browser tanaka = Browser.open(port)) {
            tanaka.logIn(PROPONENT);
            awaitUnread(tanaka, "/tasks");
            tanaka.go("/cases/" + caseId);
            assertThat(tanaka.text(By.id("discussion")))
                    .contains("@tanaka please upload the site survey before the screening.")
                    .doesNotContain("budget is high");
            assertThat(tanaka.findAll(By.id("comment-internal"))).as("no internal comments to write").isEmpty();

            // the bell is drawn by the page itself, not by an emoji font that a reader's machine may lack
            assertThat(tanaka.find(By.cssSelector("#inbox-bell svg.bell-icon")).getSize().getWidth()).isPositive();
            tanaka.clickToNextPage(By.id("inbox-bell"));
            assertThat(tanaka.text(By.tagName("h1"))).isEqualTo("Notifications");
            By mention = By.cssSelector(".notification.unread[data-kind=mention] a");
            assertThat(tanaka.text(mention))
                    .isEqualTo("sato mentioned you in a comment on Discussed: inverter air-conditioners in Hanoi");
            tanaka.clickToNextPage(mention);
            assertThat(tanaka.path()).startsWith("/cases/" + caseId + "#comment-");
            assertThat(tanaka.find(By.cssSelector(tanaka.path().substring(tanaka.path().indexOf('#')) + " .comment-text"))
                    .getText()).isEqualTo("@tanaka please upload the site survey before the screening.");

            tanaka.go("/notifications");
            assertThat(tanaka.findAll(By.cssSelector(".notification.read[data-kind=mention]"))).hasSize(1);
            if (!tanaka.findAll(By.id("mark-all-read")).isEmpty()) {
                tanaka.clickToNextPage(By.id("mark-all-read"));
            }
            assertThat(tanaka.findAll(By.cssSelector(".notification.unread"))).isEmpty();
            assertThat(tanaka.text(By.cssSelector("#inbox-bell .count"))).isEqualTo("0");
        }
    }

    @Test
    void aCommitteeMemberReadsTheInternalCommentAndTheBellInJapanese() {
        String caseId = driver.openCase(PROPONENT, "議論: ハノイの高効率空調");
        var internal = driver.as(PROGRAM_MANAGER).post("/api/cases/" + caseId + "/comments", java.util.Map.of(
                "text", "@kobayashi 予算の妥当性をご確認ください。", "internal", true));
        assertThat(internal.status()).as(internal.text()).isEqualTo(201);
        try (Browser kobayashi = Browser.open(port)) {
            kobayashi.logIn(COMMITTEE_MEMBER).go("/cases/" + caseId + "?lang=ja");
            assertThat(kobayashi.text(By.cssSelector("#discussion h2"))).isEqualTo("ディスカッション");
            assertThat(kobayashi.text(By.cssSelector(".comment.internal .tag.warn"))).isEqualTo("内部");
            assertThat(kobayashi.text(By.cssSelector("label[for=comment-text]"))).isEqualTo("コメントを書く");
            assertThat(kobayashi.findAll(By.id("comment-internal"))).as("committees write internal comments").hasSize(1);

            awaitUnread(kobayashi, "/cases/" + caseId);
            kobayashi.clickToNextPage(By.id("inbox-bell"));
            assertThat(kobayashi.text(By.tagName("h1"))).isEqualTo("通知");
            assertThat(kobayashi.text(By.cssSelector(".notification.unread[data-kind=mention]")))
                    .contains("指名").contains("satoさんが議論: ハノイの高効率空調のコメントであなたを指名しました");
            kobayashi.clickToNextPage(By.cssSelector(".notification.unread[data-kind=mention] button.mark-read"));
            assertThat(kobayashi.text(By.cssSelector(".flash.notice"))).isEqualTo("通知を既読にしました。");
            assertThat(kobayashi.findAll(By.cssSelector(".notification.read[data-kind=mention]"))).hasSize(1);
            kobayashi.clickToNextPage(By.id("mark-all-read"));
            assertThat(kobayashi.text(By.cssSelector("#inbox-bell .count"))).isEqualTo("0");
            assertThat(kobayashi.find(By.id("inbox-bell")).getAttribute("aria-label")).isEqualTo("未読の通知 0件");
        }
    }

    /** Reloads the page until the bell counts an unread notification: the engine's job puts it in the inbox. */
    private static void awaitUnread(Browser browser, String path) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(giveUp)) {
            browser.go(path);
            if (!browser.text(By.cssSelector("#inbox-bell .count")).equals("0")) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("The bell counted nothing unread within " + PATIENCE);
    }
}
