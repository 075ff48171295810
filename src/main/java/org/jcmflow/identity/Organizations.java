package org.jcmflow.identity;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The names of the organisations, from the organisation groups of the Keycloak realm export: cases and users
 * carry an organisation's code ({@code nihon-ecotech}), people read its name. Templates call it as
 * {@code @organizations}.
 */
@Component("organizations")
public class Organizations {

    /** An organisation's name in English and, where the realm has one, in Japanese. */
    record Names(String english, String japanese) {

        String in(Locale locale) {
            return "ja".equals(locale.getLanguage()) && japanese != null ? japanese : english;
        }
    }

    private final Map<String, Names> byCode;

    public Organizations(@Value("${jcm.identity.realm-file}") Resource realmFile, ObjectMapper json) throws IOException {
        this.byCode = readGroups(realmFile, json);
    }

    /** The organisation's name in the language of the current request; the code itself for one the realm does not name. */
    public String name(String code) {
        return name(code, LocaleContextHolder.getLocale());
    }

    public String name(String code, Locale locale) {
        if (code == null) {
            return null;
        }
        Names names = byCode.get(code);
        return names == null ? code : names.in(locale);
    }

    private static Map<String, Names> readGroups(Resource realmFile, ObjectMapper json) throws IOException {
        Map<String, Names> names = new LinkedHashMap<>();
        try (InputStream in = realmFile.getInputStream()) {
            for (JsonNode group : json.readTree(in).path("groups")) {
                JsonNode attributes = group.path("attributes");
                // the code is the group's organisation attribute, as the token's claim carries it, else its name
                String code = first(attributes.path("organization"), group.path("name").asText(null));
                String english = first(attributes.path("displayName"), null);
                if (code != null && english != null) {
                    names.put(code, new Names(english, first(attributes.path("displayNameJa"), null)));
                }
            }
        }
        return Map.copyOf(names);
    }

    private static String first(JsonNode values, String otherwise) {
        return values.isArray() && !values.isEmpty() ? values.get(0).asText() : otherwise;
    }
}
