package org.jcmflow.identity;

/**
 * What the portal's login page offers in the identity mode that runs: the user name and password form of
 * the demo users, or a link to the single sign-on (Keycloak), where people type their password instead.
 *
 * @param singleSignOnUrl where the single sign-on starts, or null when the page takes a password itself
 */
public record LoginPage(String singleSignOnUrl) {

    static LoginPage withPassword() {
        return new LoginPage(null);
    }

    public boolean singleSignOn() {
        return singleSignOnUrl != null;
    }
}
