package org.jcmflow.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A document of a case without its bytes, as lists show it. */
public record DocumentInfo(UUID id, String fileName, String contentType, long size, String sha256, String uploadedBy,
                    Instant uploadedAt) {

    static DocumentInfo of(ResultSet rs) throws SQLException {
        return new DocumentInfo(rs.getObject("id", UUID.class), rs.getString("file_name"), rs.getString("content_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant());
    }

    static List<DocumentInfo> ofCase(JdbcClient jdbc, UUID caseId) {
        return jdbc.sql("""
                        select id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                        from case_document where case_id = ? order by uploaded_at, id""")
                .param(caseId).query((rs, row) -> of(rs)).list();
    }
}
