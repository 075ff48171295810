package org.jcmflow.identity;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Keycloak mode: API callers send a bearer JWT from the realm, browser users log in at Keycloak (authorization
 * code with PKCE) and logging out ends their Keycloak session too. Roles and organisation come from the token's
 * claims ({@link KeycloakClaims}) as the same authorities the demo users have, so {@link CurrentUsers} and the
 * Camunda webapps' single sign-on work unchanged.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(IdentityMode.KeycloakOn.class)
@EnableConfigurationProperties(KeycloakProperties.class)
class KeycloakIdentity implements IdentityMode {

    private static final String REGISTRATION_ID = "keycloak";

    private final KeycloakProperties keycloak;
    private final ProblemAuthenticationEntryPoint entryPoint;
    private final ClientRegistrationRepository registrations;

    KeycloakIdentity(KeycloakProperties keycloak, ObjectMapper json) {
        this.keycloak = keycloak;
        this.entryPoint = ProblemAuthenticationEntryPoint.bearer(json);
        this.registrations = new InMemoryClientRegistrationRepository(registration(keycloak));
    }

    @Override
    public void authenticateApiCallers(HttpSecurity http) throws Exception {
        http
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(KeycloakIdentity::authenticate))
                        .authenticationEntryPoint(entryPoint))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint));
    }

    @Override
    public void authenticateBrowserUsers(HttpSecurity http) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        // Spring sends PKCE only for public clients; the realm demands it of this confidential one too.
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcUserService users = new OidcUserService();
        users.setOidcUserMapper((request, userInfo) -> {
            CurrentUser user = KeycloakClaims.userOf(request.getIdToken().getClaims());
            KeycloakClaims.refusal(user).ifPresent(reason -> {
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED, reason, null));
            });
            return new DefaultOidcUser(user.authorities(), request.getIdToken(), userInfo, KeycloakClaims.USERNAME);
        });
        OidcClientInitiatedLogoutSuccessHandler logoutAtKeycloak = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logoutAtKeycloak.setPostLogoutRedirectUri("{baseUrl}/login?logout");
        http
                // A bearer token works here too, in place of the default mode's HTTP Basic: for scripts and
                // monitoring (the actuator), which cannot log in through a browser. It comes first so that
                // requests which are not pages get its 401 instead of a redirect to Keycloak.
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(KeycloakIdentity::authenticate)))
                // The portal's login page (a link to Keycloak in this mode) rather than Spring's generated one,
                // so that a refused login and the end of a logout are told in the portal's words and languages.
                .oauth2Login(login -> login
                        .loginPage("/login")
                        .authorizationEndpoint(authorization -> authorization.authorizationRequestResolver(authorizationRequests))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(users)))
                .logout(logout -> logout.logoutSuccessHandler(logoutAtKeycloak));
    }

    @Bean
    LoginPage loginPage() {
        return new LoginPage(OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/"
                + REGISTRATION_ID);
    }

    /** The caller of a valid token, unless the token's user may not use the application at all. */
    private static JwtAuthenticationToken authenticate(Jwt token) {
        CurrentUser user = KeycloakClaims.userOf(token.getClaims());
        KeycloakClaims.refusal(user).ifPresent(reason -> {
            throw new InvalidBearerTokenException(reason);
        });
        return new JwtAuthenticationToken(token, user.authorities(), user.username());
    }

    /**
     * Accepts only what Keycloak signs for this application: RS256 (never {@code none} nor an HMAC that a
     * client secret could forge), from this issuer, for this audience, and an access token rather than an ID
     * token, which Keycloak signs with the same key and addresses to the client.
     */
    @Bean
    JwtDecoder jwtDecoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(keycloak.issuer()),
                new JwtAudienceValidator(keycloak.clientId()),
                new JwtClaimValidator<String>("typ", "Bearer"::equals)));
        return decoder;
    }

    @Bean
    UserDirectory userDirectory(RestClient.Builder http) {
        return new KeycloakUserDirectory(keycloak, http);
    }

    @Bean
    ClientRegistrationRepository clientRegistrations() {
        return registrations;
    }

    private static ClientRegistration registration(KeycloakProperties keycloak) {
        return ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Keycloak")
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(keycloak.issuer())
                .authorizationUri(keycloak.authorizationUri())
                .tokenUri(keycloak.tokenUri())
                .jwkSetUri(keycloak.jwkSetUri())
                .userNameAttributeName(KeycloakClaims.USERNAME)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", keycloak.endSessionUri()))
                .build();
    }

    /**
     * Keeps a login's tokens in the user's session. Spring Boot's default keeps them in a map in this node's
     * memory, which grows with every login and which the other nodes sharing the database cannot see.
     */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }
}
