package org.jcmflow.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Tokens that Keycloak did not issue as they are: altered, unsigned, or signed by somebody else. */
final class ForgedTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private ForgedTokens() {
    }

    static ObjectNode header(String token) {
        return part(token, 0);
    }

    static ObjectNode claims(String token) {
        return part(token, 1);
    }

    /** The token with other claims and its original signature, which no longer matches them. */
    static String withClaims(String token, ObjectNode claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + encode(claims) + "." + parts[2];
    }

    /** An unsecured JWT ({@code alg: none}), which has no signature at all. */
    static String unsigned(ObjectNode claims) {
        return encode(JSON.createObjectNode().put("alg", "none").put("typ", "JWT")) + "." + encode(claims) + ".";
    }

    /** HS256 with a shared secret, e.g. a client secret, which whoever knows it could use to sign anything. */
    static String hmacSigned(ObjectNode claims, String secret) {
        String signingInput = encode(JSON.createObjectNode().put("alg", "HS256").put("typ", "JWT")) + "." + encode(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "." + ENCODER.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RS256, as Keycloak signs, naming Keycloak's key id, but signed with a key pair of our own. */
    static String signedWithForeignKey(ObjectNode claims, String keyId) {
        String signingInput = encode(JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", keyId))
                + "." + encode(claims);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey foreignKey = generator.generateKeyPair().getPrivate();
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(foreignKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + ENCODER.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode part(String token, int index) {
        try {
            return (ObjectNode) JSON.readTree(DECODER.decode(token.split("\\.")[index]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(ObjectNode json) {
        return ENCODER.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
