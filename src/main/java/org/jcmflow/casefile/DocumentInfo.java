package org.jcmflow.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A document of a case without its bytes, as lists show it.
 *
 * @param publicVersion on the confidential version of a document, the public version with the confidential parts
 *                      masked; null on every other document
 */
public record DocumentInfo(UUID id, String fileName, String contentType, long size, String sha256, String uploadedBy,
                           Instant uploadedAt, UUID publicVersion) {

    private static final String COLUMNS = "id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at,"
            + " public_version";

    /** The confidential version of a document, read only by those who see a case's confidential information. */
    @JsonProperty("confidential")
    public boolean confidential() {
        return publicVersion != null;
    }

    static DocumentInfo of(ResultSet rs) throws SQLException {
        return new DocumentInfo(rs.getObject("id", UUID.class), rs.getString("file_name"), rs.getString("content_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant(), rs.getObject("public_version", UUID.class));
    }

    /** The case's documents, oldest first; the confidential versions only where asked for. */
    static List<DocumentInfo> ofCase(JdbcClient jdbc, UUID caseId, boolean withConfidentialVersions) {
        return jdbc.sql("select " + COLUMNS + " from case_document where case_id = ?"
                        + (withConfidentialVersions ? "" : " and public_version is null")
                        + " order by uploaded_at, id")
                .param(caseId).query((rs, row) -> of(rs)).list();
    }

    static List<DocumentInfo> one(JdbcClient jdbc, UUID caseId, UUID documentId) {
        return jdbc.sql("select " + COLUMNS + " from case_document where case_id = ? and id = ?")
                .params(caseId, documentId).query((rs, row) -> of(rs)).list();
    }
}
