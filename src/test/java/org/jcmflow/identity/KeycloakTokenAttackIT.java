package org.jcmflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.ADMIN;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.KeycloakApplicationTest;
import org.jcmflow.testsupport.KeycloakServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keycloak mode refuses every token that Keycloak did not issue to this application for a user of the
 * programme: 401 as problem+json with a bearer challenge, and nothing is written.
 */
@KeycloakApplicationTest
class KeycloakTokenAttackIT {

    /** A client of the realm whose tokens are for another service: no jcm-flow audience. */
    private static final String OTHER_SERVICE_CLIENT = "jcm-test-other-service";
    /** A client whose ID tokens name jcm-flow as audience, as the application's own ID tokens do. */
    private static final String ID_TOKEN_CLIENT = "jcm-test-id-token";
    private static final String TEST_CLIENT_SECRET = "jcm-test-client-secret";
    private static final String USER_WITHOUT_ROLES = "test-no-role";
    private static final String PROPONENT_WITHOUT_ORGANISATION = "test-no-organisation";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final KeycloakServer keycloak = KeycloakServer.shared();

    /** What a test adds to the realm, through Keycloak's admin REST API; the realm export stays as it is. */
    @BeforeAll
    static void testOnlyClientsAndUsers() {
        KeycloakServer keycloak = KeycloakServer.shared();
        ObjectNode otherService = testClient(OTHER_SERVICE_CLIENT);
        organizationMapper(otherService);
        audienceMapper(otherService, "included.custom.audience", "jcm-reports", false);
        keycloak.createClient(otherService);

        ObjectNode idTokens = testClient(ID_TOKEN_CLIENT);
        organizationMapper(idTokens);
        audienceMapper(idTokens, "included.client.audience", KeycloakServer.APP_CLIENT, true);
        idTokens.withArrayProperty("protocolMappers").addObject()
                .put("name", "realm roles in the ID token").put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-usermodel-realm-role-mapper")
                .putObject("config").put("claim.name", "realm_access.roles").put("jsonType.label", "String")
                .put("multivalued", "true").put("access.token.claim", "true").put("id.token.claim", "true");
        keycloak.createClient(idTokens);

        keycloak.createUser(USER_WITHOUT_ROLES, "nihon-ecotech");
        keycloak.createUser(PROPONENT_WITHOUT_ORGANISATION, null, "proponent");
    }

    @Test
    void theGenuineTokenIsAccepted() {
        ApiClient.Response me = ApiClient.withToken(port, keycloak.accessToken(PROPONENT)).get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("username").asText()).isEqualTo(PROPONENT);
    }

    @Test
    void noToken() {
        ApiClient.Response response = ApiClient.anonymous(port).post("/api/cases", CaseDriver.newCase("Anonymous"));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void garbage() {
        assertRefused("not-a-token", "Malformed token");
        assertRefused("eyJhbGciOiJSUzI1NiJ9.bm9wZQ.bm9wZQ", "Malformed payload");
    }

    @Test
    void expiryMovedIntoTheFuture() {
        String token = keycloak.accessToken(PROPONENT);
        ObjectNode claims = ForgedTokens.claims(token);
        claims.put("exp", claims.path("exp").asLong() + 3600);
        assertRefused(ForgedTokens.withClaims(token, claims), "Invalid signature");
    }

    @Test
    void rolesRaised() {
        String token = keycloak.accessToken(PROPONENT);
        ObjectNode claims = ForgedTokens.claims(token);
        claims.putObject("realm_access").putArray("roles").add("admin").add("program-manager");
        assertRefused(ForgedTokens.withClaims(token, claims), "Invalid signature");
    }

    @Test
    void correctClaimsSignedWithAnotherRsaKey() {
        String token = keycloak.accessToken(PROPONENT);
        assertRefused(ForgedTokens.signedWithForeignKey(ForgedTokens.claims(token),
                ForgedTokens.header(token).path("kid").asText()), "Invalid signature");
    }

    @Test
    void algorithmNone() {
        assertRefused(ForgedTokens.unsigned(ForgedTokens.claims(keycloak.accessToken(PROPONENT))), "algorithm of none");
    }

    @Test
    void hs256SignedWithAClientSecret() {
        ObjectNode claims = ForgedTokens.claims(keycloak.accessToken(PROPONENT));
        assertRefused(ForgedTokens.hmacSigned(claims, KeycloakServer.APP_CLIENT_SECRET), "Another algorithm expected");
        assertRefused(ForgedTokens.hmacSigned(claims, KeycloakServer.API_CLIENT_SECRET), "Another algorithm expected");
    }

    @Test
    void tokenForAnotherAudience() {
        String token = keycloak.passwordGrant(keycloak.issuer(), OTHER_SERVICE_CLIENT, TEST_CLIENT_SECRET, PROPONENT,
                ApiClient.DEMO_PASSWORD).path("access_token").asText();
        ObjectNode claims = ForgedTokens.claims(token);
        assertThat(claims.path("aud").toString()).contains("jcm-reports").doesNotContain(KeycloakServer.APP_CLIENT);
        assertThat(claims.path("realm_access").toString()).contains("proponent");
        assertRefused(token, "The aud claim is not valid");
    }

    @Test
    void tokenOfTheRightRealmThroughAnotherHostName() {
        String token = keycloak.passwordGrant(keycloak.issuer("localhost"), KeycloakServer.API_CLIENT,
                KeycloakServer.API_CLIENT_SECRET, ADMIN, ApiClient.DEMO_PASSWORD).path("access_token").asText();
        assertThat(ForgedTokens.claims(token).path("iss").asText()).isEqualTo(keycloak.issuer("localhost"));
        assertRefused(token, "The iss claim is not valid");
    }

    @Test
    void idTokenInsteadOfAnAccessToken() {
        JsonNode tokens = keycloak.passwordGrant(keycloak.issuer(), ID_TOKEN_CLIENT, TEST_CLIENT_SECRET, ADMIN,
                ApiClient.DEMO_PASSWORD);
        String idToken = tokens.path("id_token").asText();
        ObjectNode claims = ForgedTokens.claims(idToken);
        assertThat(claims.path("typ").asText()).isEqualTo("ID");
        assertThat(claims.path("aud").toString()).contains(KeycloakServer.APP_CLIENT);
        assertThat(claims.path("realm_access").toString()).contains("admin");
        assertRefused(idToken, "The typ claim is not valid");
    }

    @Test
    void refreshToken() {
        assertRefused(keycloak.passwordGrant(keycloak.issuer(), KeycloakServer.API_CLIENT,
                KeycloakServer.API_CLIENT_SECRET, ADMIN, ApiClient.DEMO_PASSWORD).path("refresh_token").asText(), "Another algorithm expected");
    }

    @Test
    void userWithNoneOfTheProgrammesRoles() {
        assertRefused(keycloak.accessToken(USER_WITHOUT_ROLES), "none of JCM Flow's roles");
    }

    @Test
    void proponentWithoutOrganisation() {
        assertRefused(keycloak.accessToken(PROPONENT_WITHOUT_ORGANISATION), "belongs to no organisation");
    }

    /** Refused, for the given reason (part of the challenge's error description), and nothing written. */
    private void assertRefused(String token, String reason) {
        long casesBefore = caseCount();
        ApiClient client = ApiClient.withToken(port, token);
        ApiClient.Response opened = client.post("/api/cases", CaseDriver.newCase("Opened with a forged token"));
        assertThat(opened.status()).as(opened.text()).isEqualTo(401);
        assertThat(opened.contentType()).startsWith("application/problem+json");
        assertThat(opened.json().path("status").asInt()).isEqualTo(401);
        assertThat(opened.header("WWW-Authenticate")).startsWith("Bearer").contains("error=\"invalid_token\"", reason);
        assertThat(client.get("/api/me").status()).isEqualTo(401);
        assertThat(client.get("/engine-rest/process-definition").status()).isEqualTo(401);
        assertThat(caseCount()).isEqualTo(casesBefore);
    }

    private long caseCount() {
        return jdbc.sql("select count(*) from project_case").query(Long.class).single();
    }

    private static ObjectNode testClient(String clientId) {
        ObjectNode client = KeycloakServer.object().put("clientId", clientId).put("secret", TEST_CLIENT_SECRET)
                .put("publicClient", false).put("standardFlowEnabled", false).put("directAccessGrantsEnabled", true);
        client.putArray("protocolMappers");
        return client;
    }

    private static void organizationMapper(ObjectNode client) {
        client.withArrayProperty("protocolMappers").addObject()
                .put("name", "organization").put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-usermodel-attribute-mapper")
                .putObject("config").put("user.attribute", "organization").put("claim.name", "organization")
                .put("jsonType.label", "String").put("access.token.claim", "true").put("id.token.claim", "true");
    }

    private static void audienceMapper(ObjectNode client, String kind, String audience, boolean inIdToken) {
        client.withArrayProperty("protocolMappers").addObject()
                .put("name", "audience " + audience).put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-audience-mapper")
                .putObject("config").put(kind, audience).put("access.token.claim", "true")
                .put("id.token.claim", String.valueOf(inIdToken));
    }
}
