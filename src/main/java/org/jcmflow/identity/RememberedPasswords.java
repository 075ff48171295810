package org.jcmflow.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that remembers the passwords it found right, so that a stateless client's every request with
 * HTTP Basic does not pay BCrypt again (measured: a fifth of the CPU of the API's main path went to BCrypt at its
 * lowest cost). What is remembered is a salted SHA-256 digest of the password with its stored hash, never the
 * password; a changed password has another stored hash, so its old digest matches nothing. A wrong password is
 * checked in full every time, as is the first right one.
 */
final class RememberedPasswords implements PasswordEncoder {

    /** The demo users are a dozen; past this many, the remembered ones are forgotten at once. */
    private static final int REMEMBERED_AT_MOST = 10_000;

    private final PasswordEncoder encoder;
    private final byte[] salt = new byte[16];
    private final Set<String> found = ConcurrentHashMap.newKeySet();

    RememberedPasswords(PasswordEncoder encoder) {
        this.encoder = encoder;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return encoder.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return encoder.matches(rawPassword, encodedPassword);
        }
        String digest = digest(rawPassword, encodedPassword);
        if (found.contains(digest)) {
            return true;
        }
        boolean matches = encoder.matches(rawPassword, encodedPassword);
        if (matches) {
            if (found.size() >= REMEMBERED_AT_MOST) {
                found.clear();
            }
            found.add(digest);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encoder.upgradeEncoding(encodedPassword);
    }

    private String digest(CharSequence rawPassword, String encodedPassword) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            sha256.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
