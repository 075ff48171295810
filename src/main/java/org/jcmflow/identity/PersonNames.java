package org.jcmflow.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * People's names as pages show them: cases, tasks and history record who acted by username ({@code sato}),
 * readers know them by name (Makoto Sato). Looked up in the user directory and kept for a while, since a page
 * names the same few people many times and Keycloak's directory answers over the network. A user the directory
 * does not know (left the programme) keeps the username. Templates call it as {@code @people}.
 */
@Component("people")
public class PersonNames {

    private static final Logger log = LoggerFactory.getLogger(PersonNames.class);
    private static final Duration KEPT = Duration.ofMinutes(10);

    private record Known(String name, Instant until) {
    }

    private final ObjectProvider<UserDirectory> directory;
    private final Clock clock;
    private final Map<String, Known> names = new ConcurrentHashMap<>();

    PersonNames(ObjectProvider<UserDirectory> directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** The person's display name; the username itself for one the directory does not know. */
    public String name(String username) {
        if (username == null || username.isBlank()) {
            return username;
        }
        Instant now = clock.instant();
        Known known = names.get(username);
        if (known == null || known.until().isBefore(now)) {
            known = new Known(lookUp(username), now.plus(KEPT));
            names.put(username, known);
        }
        return known.name();
    }

    /** Several people's names, in the order given. */
    public List<String> names(Collection<String> usernames) {
        return usernames.stream().map(this::name).toList();
    }

    private String lookUp(String username) {
        UserDirectory users = directory.getIfAvailable();
        if (users == null) {
            return username;
        }
        try {
            return users.user(username).map(UserDirectory.DirectoryUser::displayName)
                    .filter(name -> !name.isBlank()).orElse(username);
        } catch (RuntimeException e) {
            log.warn("The user directory could not name {}: {}", username, e.getMessage());
            return username;
        }
    }
}
