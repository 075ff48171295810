package org.jcmflow.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.RestClient;

/**
 * The realm's users, read through Keycloak's admin API with the application's own service account (client
 * credentials; the realm gives it only {@code view-users}). The users are asked each time: a user added in
 * Keycloak is there at once. The service account's token is kept until shortly before it runs out (Spring
 * Security's OAuth2 client): a step's mail asks for the holders of a role, and a fresh token for every one of
 * those questions was a login at Keycloak per task.
 */
class KeycloakUserDirectory implements UserDirectory {

    private static final Logger log = LoggerFactory.getLogger(KeycloakUserDirectory.class);

    private static final String SERVICE_ACCOUNT = "keycloak-service-account";
    /** Whom the token is kept for: the application itself, whichever user's request or background thread asks. */
    private static final Authentication APPLICATION = new AnonymousAuthenticationToken(SERVICE_ACCOUNT,
            SERVICE_ACCOUNT, AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final KeycloakProperties keycloak;
    private final RestClient http;

    KeycloakUserDirectory(KeycloakProperties keycloak, RestClient.Builder http) {
        this.keycloak = keycloak;
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(
                ClientRegistration.withRegistrationId(SERVICE_ACCOUNT)
                        .clientId(keycloak.clientId())
                        .clientSecret(keycloak.clientSecret())
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenUri(keycloak.tokenUri())
                        .build());
        OAuth2AuthorizedClientManager tokens = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
                new InMemoryOAuth2AuthorizedClientService(registrations));
        // an operator reads a wrong client secret or a missing service-account role here, not only in a failed step
        OAuth2AuthorizedClientManager tokensWithRefusalsLogged = request -> {
            try {
                return tokens.authorize(request);
            } catch (OAuth2AuthorizationException e) {
                log.warn("Keycloak refused the application's service account: {}", e.getMessage());
                throw e;
            }
        };
        OAuth2ClientHttpRequestInterceptor serviceAccountToken =
                new OAuth2ClientHttpRequestInterceptor(tokensWithRefusalsLogged);
        serviceAccountToken.setClientRegistrationIdResolver(request -> SERVICE_ACCOUNT);
        serviceAccountToken.setPrincipalResolver(request -> APPLICATION);
        this.http = http.requestInterceptor(serviceAccountToken).build();
    }

    @Override
    public List<DirectoryUser> usersWithRole(Role role) {
        String adminBase = adminBase();
        List<DirectoryUser> users = new ArrayList<>();
        int first = 0;
        int pageSize = 100;
        while (true) {
            JsonNode page = http.get()
                    .uri(adminBase + "/roles/{role}/users?briefRepresentation=false&first={first}&max={max}",
                            role.groupId(), first, pageSize)
                    .retrieve().body(JsonNode.class);
            if (page == null || page.isEmpty()) {
                break;
            }
            for (JsonNode user : page) {
                if (user.path("enabled").asBoolean(true)) {
                    users.add(directoryUser(user));
                }
            }
            if (page.size() < pageSize) {
                break;
            }
            first += pageSize;
        }
        users.sort(Comparator.comparing(DirectoryUser::username));
        return users;
    }

    @Override
    public Optional<DirectoryUser> user(String username) {
        JsonNode found = http.get()
                .uri(adminBase() + "/users?username={username}&exact=true&briefRepresentation=false", username)
                .retrieve().body(JsonNode.class);
        if (found == null) {
            return Optional.empty();
        }
        for (JsonNode user : found) {
            if (user.path("username").asText().equals(username) && user.path("enabled").asBoolean(true)) {
                return Optional.of(directoryUser(user));
            }
        }
        return Optional.empty();
    }

    private String adminBase() {
        return keycloak.issuer().replace("/realms/", "/admin/realms/");
    }

    private static DirectoryUser directoryUser(JsonNode user) {
        String username = user.path("username").asText();
        String name = (user.path("firstName").asText("") + " " + user.path("lastName").asText("")).trim();
        return new DirectoryUser(username, name.isEmpty() ? username : name,
                attribute(user, KeycloakClaims.ORGANIZATION), user.path("email").asText(null),
                attribute(user, "locale"));
    }

    private static String attribute(JsonNode user, String name) {
        JsonNode values = user.path("attributes").path(name);
        return values.isArray() && !values.isEmpty() ? values.get(0).asText() : null;
    }
}
