package org.jcmflow.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The realm's users, read through Keycloak's admin API with the application's own service account (client
 * credentials; the realm gives it only {@code view-users}). Asked each time: committees are convened rarely,
 * and a user added in Keycloak is there at once.
 */
class KeycloakUserDirectory implements UserDirectory {

    private static final Logger log = LoggerFactory.getLogger(KeycloakUserDirectory.class);

    private final KeycloakProperties keycloak;
    private final RestClient http;

    KeycloakUserDirectory(KeycloakProperties keycloak, RestClient.Builder http) {
        this.keycloak = keycloak;
        this.http = http.build();
    }

    @Override
    public List<DirectoryUser> usersWithRole(Role role) {
        String adminBase = adminBase();
        String token = serviceAccountToken();
        List<DirectoryUser> users = new ArrayList<>();
        int first = 0;
        int pageSize = 100;
        while (true) {
            JsonNode page = http.get()
                    .uri(adminBase + "/roles/{role}/users?briefRepresentation=false&first={first}&max={max}",
                            role.groupId(), first, pageSize)
                    .header("Authorization", "Bearer " + token)
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
                .header("Authorization", "Bearer " + serviceAccountToken())
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

    private String serviceAccountToken() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", keycloak.clientId());
        form.add("client_secret", keycloak.clientSecret());
        try {
            JsonNode answer = http.post().uri(keycloak.tokenUri())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .retrieve().body(JsonNode.class);
            return answer.path("access_token").asText();
        } catch (RestClientException e) {
            log.warn("Keycloak refused the application's service account: {}", e.getMessage());
            throw e;
        }
    }
}
