package org.jcmflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** The log warns whenever the application runs on credentials that anyone reading the repository knows. */
@ExtendWith(OutputCaptureExtension.class)
class PublishedCredentialsWarningTest {

    @Test
    void theDefaultRunWarnsThatTheDemoUsersSignInWithTheirPublishedPassword(CapturedOutput log) {
        warnings(new MockEnvironment().withProperty("jcm.identity.realm-file", "classpath:keycloak-realm/jcm-realm.json"));
        assertThat(log.getOut()).contains("WARN").contains("Demo identity mode")
                .contains("classpath:keycloak-realm/jcm-realm.json").contains("JCM_KEYCLOAK_ISSUER");
    }

    @Test
    void keycloakModeWarnsOfTheRealmExportsDevelopmentSecret(CapturedOutput log) {
        warnings(keycloak().withProperty("jcm.keycloak.client-secret", "jcm-flow-dev-secret"));
        assertThat(log.getOut()).contains("WARN").contains("development client secret")
                .contains("JCM_KEYCLOAK_CLIENT_SECRET").doesNotContain("Demo identity mode");
    }

    @Test
    void keycloakModeWithASecretOfItsOwnDoesNotWarn(CapturedOutput log) {
        warnings(keycloak().withProperty("jcm.keycloak.client-secret", "from-the-environment"));
        assertThat(log.getOut()).doesNotContain("PublishedCredentialsWarning");
    }

    private static MockEnvironment keycloak() {
        return new MockEnvironment().withProperty("jcm.keycloak.issuer", "https://keycloak.example/realms/jcm");
    }

    private static void warnings(MockEnvironment environment) {
        new PublishedCredentialsWarning(environment).warnIfPublishedCredentialsAreInUse();
    }
}
