package org.jcmflow.identity;

import java.util.Comparator;
import java.util.List;

/** The demo users of the default identity mode, as the directory of people who may be given work. */
record DemoUserDirectory(DemoUsers demoUsers) implements UserDirectory {

    @Override
    public List<DirectoryUser> usersWithRole(Role role) {
        return demoUsers.users().stream()
                .filter(user -> user.roles().contains(role))
                .map(user -> new DirectoryUser(user.username(),
                        user.displayName().isBlank() ? user.username() : user.displayName(), user.organization(),
                        user.email(), user.locale()))
                .sorted(Comparator.comparing(DirectoryUser::username))
                .toList();
    }
}
