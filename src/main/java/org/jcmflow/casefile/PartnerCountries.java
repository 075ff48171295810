package org.jcmflow.casefile;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The register of the JCM's partner countries. */
@Repository
public class PartnerCountries {

    public record PartnerCountry(String isoCode, String nameEn, String nameJa, LocalDate signedOn, int signingOrder) {
    }

    private final JdbcClient jdbc;

    PartnerCountries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String isoCode) {
        return jdbc.sql("select count(*) from partner_country where iso_code = ?").param(isoCode)
                .query(Long.class).single() > 0;
    }

    public List<PartnerCountry> inSigningOrder() {
        return jdbc.sql("select iso_code, name_en, name_ja, signed_on, signing_order from partner_country order by signing_order")
                .query((rs, row) -> new PartnerCountry(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getInt(5)))
                .list();
    }
}
