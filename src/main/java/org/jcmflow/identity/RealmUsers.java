package org.jcmflow.identity;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The demo users of the realm export as the rest of the application sees a caller, in either identity mode:
 * for work done in their name without a request, such as loading the demonstration data set.
 */
@Component
public class RealmUsers {

    private final Resource realmFile;
    private final ObjectMapper json;

    RealmUsers(@Value("${jcm.identity.realm-file}") Resource realmFile, ObjectMapper json) {
        this.realmFile = realmFile;
        this.json = json;
    }

    public CurrentUser user(String username) {
        try {
            return DemoUsers.readRealm(realmFile, json).users().stream()
                    .filter(user -> user.username().equals(username)).findFirst()
                    .map(user -> new CurrentUser(user.username(), Set.copyOf(user.roles()), user.organization()))
                    .orElseThrow(() -> new IllegalArgumentException("No user " + username + " in " + realmFile));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the realm export " + realmFile, e);
        }
    }
}
