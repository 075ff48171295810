package org.jcmflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberedPasswordsTest {

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final PasswordEncoder counted = new PasswordEncoder() {
        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            bcryptChecks.incrementAndGet();
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    };
    private final RememberedPasswords passwords = new RememberedPasswords(counted);

    @Test
    void aRightPasswordIsCheckedInFullOnceThenRemembered() {
        String stored = passwords.encode("demo-password");

        assertThat(passwords.matches("demo-password", stored)).isTrue();
        assertThat(passwords.matches("demo-password", stored)).isTrue();
        assertThat(passwords.matches("demo-password", stored)).isTrue();
        assertThat(bcryptChecks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsCheckedInFullEveryTime() {
        String stored = passwords.encode("demo-password");
        passwords.matches("demo-password", stored);

        assertThat(passwords.matches("demo-passwore", stored)).isFalse();
        assertThat(passwords.matches("demo-passwore", stored)).isFalse();
        assertThat(passwords.matches("", stored)).isFalse();
        assertThat(bcryptChecks).hasValue(4);
    }

    @Test
    void aChangedPasswordLeavesTheOldOneRememberedForNothing() {
        String before = passwords.encode("old-password");
        assertThat(passwords.matches("old-password", before)).isTrue();
        String after = passwords.encode("new-password");

        assertThat(passwords.matches("old-password", after)).isFalse();
        assertThat(passwords.matches("new-password", after)).isTrue();
    }
}
