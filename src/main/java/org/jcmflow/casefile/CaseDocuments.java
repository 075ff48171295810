package org.jcmflow.casefile;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.tika.Tika;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.web.ApiException;
import org.jcmflow.web.InvalidInputException;
import org.jcmflow.web.InvalidInputException.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/** Reports uploaded on a case: PDF, office documents and images, up to a configurable size. */
@Service
public class CaseDocuments {

    private static final Logger log = LoggerFactory.getLogger(CaseDocuments.class);

    /** What the programme accepts, by the type the bytes show, with the extension a download gets. */
    static final Map<String, String> ALLOWED_TYPES = Map.ofEntries(
            Map.entry("application/pdf", "pdf"),
            Map.entry("application/msword", "doc"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/vnd.ms-excel", "xls"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            Map.entry("application/vnd.ms-powerpoint", "ppt"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
            Map.entry("application/vnd.oasis.opendocument.text", "odt"),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", "ods"),
            Map.entry("image/png", "png"),
            Map.entry("image/jpeg", "jpg"),
            Map.entry("image/gif", "gif"),
            Map.entry("image/webp", "webp"));

    record Document(DocumentInfo info, byte[] content) {
    }

    private final JdbcClient jdbc;
    private final CaseFileService cases;
    private final Clock clock;
    private final DataSize maxSize;
    private final Tika tika = new Tika();

    CaseDocuments(JdbcClient jdbc, CaseFileService cases, Clock clock,
                  @Value("${jcm.documents.max-size}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.clock = clock;
        this.maxSize = maxSize;
    }

    @Transactional
    DocumentInfo upload(UUID caseId, MultipartFile file, CurrentUser user) throws IOException {
        cases.visibleCase(caseId, user);
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException(List.of(
                    FieldProblem.coded("file", "is required and must not be empty", "fileRequired")));
        }
        if (file.getSize() > maxSize.toBytes()) {
            throw tooLarge();
        }
        return add(caseId, file.getOriginalFilename(), file.getBytes(), user);
    }

    /** A document the user adds to the case, checked as an upload is: its size, and its type by its bytes. */
    @Transactional
    public DocumentInfo add(UUID caseId, String originalFileName, byte[] content, CurrentUser user) {
        cases.visibleCase(caseId, user);
        if (content.length > maxSize.toBytes()) {
            throw tooLarge();
        }
        String fileName = displayName(originalFileName);
        String contentType = tika.detect(content, fileName);
        if (!ALLOWED_TYPES.containsKey(contentType)) {
            throw new InvalidInputException(List.of(FieldProblem.coded("file", "is of type " + contentType
                    + "; accepted are PDF, office documents and images", "fileType", contentType)));
        }
        DocumentInfo info = new DocumentInfo(UUID.randomUUID(), fileName, contentType, content.length, sha256(content),
                user.username(), clock.instant());
        jdbc.sql("""
                        insert into case_document (id, case_id, file_name, content_type, size_bytes, sha256, content,
                                                   uploaded_by, uploaded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(info.id(), caseId, info.fileName(), info.contentType(), info.size(), info.sha256(), content,
                        info.uploadedBy(), Timestamp.from(info.uploadedAt()))
                .update();
        cases.recordStep(caseId, "Document_Uploaded", "Document uploaded", user.username(), info.fileName(), null);
        log.info("Document {} '{}' ({} bytes) uploaded on case {} by {}", info.id(), info.fileName(), info.size(),
                caseId, user.username());
        return info;
    }

    /** A file over the limit, whether this service or the servlet container's upload limit finds it. */
    InvalidInputException tooLarge() {
        return new InvalidInputException(List.of(FieldProblem.coded("file",
                "is larger than the limit of " + maxSize.toMegabytes() + " MB", "fileTooLarge",
                String.valueOf(maxSize.toMegabytes()))));
    }

    @Transactional(readOnly = true)
    Document download(UUID caseId, UUID documentId, CurrentUser user) {
        cases.visibleCase(caseId, user);
        return jdbc.sql("""
                        select id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at, content
                        from case_document where case_id = ? and id = ?""")
                .params(caseId, documentId)
                .query((rs, row) -> new Document(DocumentInfo.of(rs), rs.getBytes("content")))
                .optional()
                .orElseThrow(() -> ApiException.notFound("No document " + documentId + " on case " + caseId,
                        "noDocument"));
    }

    /** Keeps the last segment of whatever the browser sent, without control characters: a name to show only. */
    static String displayName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "document";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
