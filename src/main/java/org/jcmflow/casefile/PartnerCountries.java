package org.jcmflow.casefile;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The register of the JCM's partner countries. */
@Repository
public class PartnerCountries {

    public record PartnerCountry(String isoCode, String nameEn, String nameJa, LocalDate signedOn, int signingOrder) {

        /** The name in Japanese for a Japanese reader, in English for everybody else. */
        public String name(Locale locale) {
            return "ja".equals(locale.getLanguage()) ? nameJa : nameEn;
        }
    }

    private final JdbcClient jdbc;

    PartnerCountries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String isoCode) {
        return jdbc.sql("select count(*) from partner_country where iso_code = ?").param(isoCode)
                .query(Long.class).single() > 0;
    }

    /** ISO code to name in the reader's language, in signing order: for selects and for showing a case's country. */
    public Map<String, String> names(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        inSigningOrder().forEach(country -> names.put(country.isoCode(), country.name(locale)));
        return names;
    }

    public List<PartnerCountry> inSigningOrder() {
        return jdbc.sql("select iso_code, name_en, name_ja, signed_on, signing_order from partner_country order by signing_order")
                .query((rs, row) -> new PartnerCountry(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getInt(5)))
                .list();
    }
}
