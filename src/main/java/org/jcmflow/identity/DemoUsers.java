package org.jcmflow.identity;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.Resource;

/**
 * The users of the default identity mode, read from the Keycloak realm export so that both modes have the
 * same usernames, roles and organisations.
 */
record DemoUsers(List<DemoUser> users) {

    record DemoUser(String username, String password, String displayName, String email, List<Role> roles,
                    String organization, String locale) {
    }

    static DemoUsers readRealm(Resource realmFile, ObjectMapper json) throws IOException {
        try (InputStream in = realmFile.getInputStream()) {
            JsonNode realm = json.readTree(in);
            List<DemoUser> users = new ArrayList<>();
            for (JsonNode user : realm.path("users")) {
                // the application's own service account is no person
                if (!user.path("enabled").asBoolean(true) || user.has("serviceAccountClientId")) {
                    continue;
                }
                users.add(new DemoUser(
                        user.path("username").asText(),
                        password(user),
                        (user.path("firstName").asText("") + " " + user.path("lastName").asText("")).trim(),
                        user.path("email").asText(null),
                        roles(user),
                        organization(user),
                        attribute(user, "locale")));
            }
            return new DemoUsers(List.copyOf(users));
        }
    }

    private static String password(JsonNode user) {
        for (JsonNode credential : user.path("credentials")) {
            if ("password".equals(credential.path("type").asText())) {
                return credential.path("value").asText();
            }
        }
        throw new IllegalStateException("Demo user " + user.path("username").asText() + " has no password");
    }

    private static List<Role> roles(JsonNode user) {
        List<Role> roles = new ArrayList<>();
        user.path("realmRoles").forEach(role -> Role.ofGroupId(role.asText()).ifPresent(roles::add));
        return roles;
    }

    /** The user's organisation attribute, or else the name of the first group they belong to. */
    private static String organization(JsonNode user) {
        String attribute = attribute(user, "organization");
        if (attribute != null) {
            return attribute;
        }
        for (JsonNode group : user.path("groups")) {
            String path = group.asText();
            return path.substring(path.lastIndexOf('/') + 1);
        }
        return null;
    }

    private static String attribute(JsonNode user, String name) {
        JsonNode attribute = user.path("attributes").path(name);
        return attribute.isArray() && !attribute.isEmpty() ? attribute.get(0).asText() : null;
    }
}
