package org.jcmflow.mrv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jcmflow.tasks.FormOptionSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The TPEs designated today for the case's partner country, offered where a step names the TPE. */
@Component
public class DesignatedTpes implements FormOptionSource {

    static final String VALUES_KEY = "designatedTpes";

    private final ThirdPartyEntities tpes;
    private final JdbcClient jdbc;

    public DesignatedTpes(ThirdPartyEntities tpes, JdbcClient jdbc) {
        this.tpes = tpes;
        this.jdbc = jdbc;
    }

    @Override
    public String valuesKey() {
        return VALUES_KEY;
    }

    @Override
    public List<Map<String, String>> options(UUID caseId) {
        String country = jdbc.sql("select partner_country from project_case where id = ?").param(caseId)
                .query(String.class).single();
        return tpes.designatedFor(country).stream().map(tpe -> {
            Map<String, String> option = new LinkedHashMap<>();
            option.put("label", tpe.name());
            option.put("value", String.valueOf(tpe.id()));
            return option;
        }).toList();
    }

    /** The TPE's name, designated today or not; nothing for what names no TPE. */
    @Override
    public Optional<String> label(String value) {
        long id;
        try {
            id = Long.parseLong(value);
        } catch (NumberFormatException notAnId) {
            return Optional.empty();
        }
        return jdbc.sql("select name from third_party_entity where id = ?").param(id).query(String.class).optional();
    }
}
