package org.jcmflow.casefile;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.tika.Tika;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.Role;
import org.jcmflow.problem.Problem;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.problem.InvalidInput.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reports uploaded on a case: PDF, office documents and images, up to a configurable size. Their bytes are stored
 * in chunks ({@code case_document_chunk}) and read back one chunk at a time, so that neither an upload nor a
 * download holds a whole file in memory.
 */
@Service
public class CaseDocuments {

    private static final Logger log = LoggerFactory.getLogger(CaseDocuments.class);

    /** The request's field with the confidential version of the document in {@code file}. */
    static final String CONFIDENTIAL_VERSION = "confidentialVersion";

    /** As the migration that brought the chunks cut the documents stored before. */
    static final int CHUNK_SIZE = 256 * 1024;

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

    /** @param content the bytes, read from the database as they are sent */
    record Document(DocumentInfo info, InputStreamSource content) {
    }

    private final JdbcClient jdbc;
    private final CaseFileService cases;
    private final CaseTasks caseTasks;
    private final Clock clock;
    private final DataSize maxSize;
    private final Tika tika = new Tika();

    CaseDocuments(JdbcClient jdbc, CaseFileService cases, CaseTasks caseTasks, Clock clock,
                  @Value("${jcm.documents.max-size}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.caseTasks = caseTasks;
        this.clock = clock;
        this.maxSize = maxSize;
    }

    /**
     * A document, and where it holds confidential information, its confidential version beside it: then {@code file}
     * is the public version with those parts masked. Both are stored, or neither.
     */
    @Transactional
    DocumentInfo upload(UUID caseId, MultipartFile file, MultipartFile confidentialVersion, CurrentUser user)
            throws IOException {
        checkMayUpload(cases.visibleCase(caseId, user), user);
        checkPresentAndWithinLimit("file", file);
        boolean withConfidentialVersion = confidentialVersion != null && !confidentialVersion.isEmpty();
        if (withConfidentialVersion) {
            checkPresentAndWithinLimit(CONFIDENTIAL_VERSION, confidentialVersion);
        }
        DocumentInfo publicVersion;
        try (InputStream content = file.getInputStream()) {
            publicVersion = store(caseId, "file", file.getOriginalFilename(), content, null, user);
        }
        if (withConfidentialVersion) {
            try (InputStream content = confidentialVersion.getInputStream()) {
                store(caseId, CONFIDENTIAL_VERSION, confidentialVersion.getOriginalFilename(), content,
                        publicVersion.id(), user);
            }
        }
        return publicVersion;
    }

    private void checkPresentAndWithinLimit(String field, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInput(List.of(FieldProblem.coded(field, "is required and must not be empty",
                    "fileRequired")));
        }
        if (file.getSize() > maxSize.toBytes()) {
            throw tooLarge(field);
        }
    }

    /** A document the user adds to the case, checked as an upload is: who adds it, its size, its type by its bytes. */
    @Transactional
    public DocumentInfo add(UUID caseId, String originalFileName, byte[] content, CurrentUser user) {
        checkMayUpload(cases.visibleCase(caseId, user), user);
        try {
            return store(caseId, "file", originalFileName, new ByteArrayInputStream(content), null, user);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The case's proponents, the programme managers, and whoever holds an open task on the case whose form asks
     * for one of its documents. Others who see the case (the committee, the verifier) read its documents only.
     */
    boolean mayUpload(ProjectCase projectCase, CurrentUser user) {
        return user.has(Role.PROPONENT) && projectCase.organization().equals(user.organization())
                || user.has(Role.PROGRAM_MANAGER)
                || caseTasks.holdsTaskAskingForDocument(projectCase, user);
    }

    private void checkMayUpload(ProjectCase projectCase, CurrentUser user) {
        if (!mayUpload(projectCase, user)) {
            throw Problem.forbidden("Documents are added to a case by its proponents, the programme managers "
                    + "and whoever holds a task on it that asks for one.", "mayNotUpload");
        }
    }

    /**
     * A kind of file in words for the reader ("a program" for {@code application/x-dosexec}): its own message,
     * else its family's ({@code video/*}), else the content type itself.
     */
    static MessageSourceResolvable fileKind(String contentType) {
        String family = contentType.contains("/") ? contentType.substring(0, contentType.indexOf('/')) : contentType;
        return new DefaultMessageSourceResolvable(new String[] {"fileKind." + contentType, "fileKind." + family,
                "fileKind.other"}, null, contentType);
    }

    /**
     * Reads the file a chunk at a time: its type from its first bytes, then its digest and size as it is stored.
     *
     * @param field         the request's field that brought the file, which a refusal names
     * @param publicVersion for a confidential version, the document it is the confidential version of
     */
    private DocumentInfo store(UUID caseId, String field, String originalFileName, InputStream content,
                               UUID publicVersion, CurrentUser user) throws IOException {
        if (BidiControls.in(originalFileName)) {
            throw new InvalidInput(List.of(BidiControls.problem(field)));
        }
        String fileName = displayName(originalFileName);
        // Tika reads the first bytes and puts them back: the stream must support mark and reset
        InputStream in = new BufferedInputStream(content);
        String contentType = tika.detect(in, fileName);
        if (!ALLOWED_TYPES.containsKey(contentType)) {
            throw new InvalidInput(List.of(FieldProblem.coded(field, "is of type " + contentType
                    + "; accepted are PDF, office documents and images", "fileType", fileKind(contentType))));
        }
        UUID id = UUID.randomUUID();
        MessageDigest sha256 = sha256();
        byte[] chunk = new byte[CHUNK_SIZE];
        long size = 0;
        int position = 0;
        for (int read; (read = in.readNBytes(chunk, 0, CHUNK_SIZE)) > 0; position++) {
            size += read;
            if (size > maxSize.toBytes()) {
                throw tooLarge(field); // the transaction, and the chunks written so far, roll back
            }
            sha256.update(chunk, 0, read);
            jdbc.sql("insert into case_document_chunk (document_id, position, content) values (?, ?, ?)")
                    .params(id, position, read == CHUNK_SIZE ? chunk : Arrays.copyOf(chunk, read))
                    .update();
        }
        if (size == 0) {
            throw new InvalidInput(List.of(
                    FieldProblem.coded(field, "is required and must not be empty", "fileRequired")));
        }
        DocumentInfo info = new DocumentInfo(id, fileName, contentType, size,
                HexFormat.of().formatHex(sha256.digest()), user.username(), clock.instant(), publicVersion);
        jdbc.sql("""
                        insert into case_document (id, case_id, file_name, content_type, size_bytes, sha256,
                                                   uploaded_by, uploaded_at, public_version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(info.id(), caseId, info.fileName(), info.contentType(), info.size(), info.sha256(),
                        info.uploadedBy(), Timestamp.from(info.uploadedAt()), publicVersion)
                .update();
        if (publicVersion == null) {
            cases.recordStep(caseId, "Document_Uploaded", "Document uploaded", user.username(), info.fileName(),
                    null);
        } else {
            // the history is read by everyone who sees the case: it names the public version only
            cases.recordStep(caseId, "Document_ConfidentialVersionUploaded", "Confidential version uploaded",
                    user.username(), fileNameOf(caseId, publicVersion), null);
        }
        log.info("Document {} '{}' ({} bytes{}) uploaded on case {} by {}", info.id(), info.fileName(), info.size(),
                publicVersion == null ? "" : ", confidential version of " + publicVersion, caseId, user.username());
        return info;
    }

    private String fileNameOf(UUID caseId, UUID documentId) {
        return DocumentInfo.one(jdbc, caseId, documentId).stream().map(DocumentInfo::fileName).findFirst()
                .orElseThrow();
    }

    /** A file over the limit, whether this service or the servlet container's upload limit finds it. */
    InvalidInput tooLarge() {
        return tooLarge("file");
    }

    private InvalidInput tooLarge(String field) {
        return InvalidInput.tooLarge(FieldProblem.coded(field,
                "is larger than the limit of " + maxSize.toMegabytes() + " MB", "fileTooLarge",
                String.valueOf(maxSize.toMegabytes())));
    }

    /** The document's description now; its bytes as they are sent, a chunk at a time, each in a query of its own. */
    @Transactional(readOnly = true)
    Document download(UUID caseId, UUID documentId, CurrentUser user) {
        ProjectCase projectCase = cases.visibleCase(caseId, user);
        // a confidential version is missing for whoever may not read it, so that its existence does not leak
        DocumentInfo info = DocumentInfo.one(jdbc, caseId, documentId).stream()
                .filter(found -> !found.confidential() || CaseFileService.seesConfidentialVersions(user, projectCase))
                .findFirst()
                .orElseThrow(() -> Problem.notFound("No document " + documentId + " on case " + caseId,
                        "noDocument"));
        return new Document(info, () -> new ChunkedContent(jdbc, documentId));
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A stored document's bytes, one chunk in memory at a time. Each chunk is read in a query of its own, outside
     * any transaction: documents never change once stored, and a slow reader holds no database connection.
     */
    private static final class ChunkedContent extends InputStream {

        private final JdbcClient jdbc;
        private final UUID documentId;
        private int nextPosition;
        private byte[] chunk = new byte[0];
        private int offset;
        private boolean ended;

        ChunkedContent(JdbcClient jdbc, UUID documentId) {
            this.jdbc = jdbc;
            this.documentId = documentId;
        }

        @Override
        public int read() {
            return available() > 0 || nextChunk() ? chunk[offset++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int from, int length) {
            if (length == 0) {
                return 0;
            }
            if (available() == 0 && !nextChunk()) {
                return -1;
            }
            int count = Math.min(length, available());
            System.arraycopy(chunk, offset, buffer, from, count);
            offset += count;
            return count;
        }

        @Override
        public int available() {
            return chunk.length - offset;
        }

        private boolean nextChunk() {
            if (ended) {
                return false;
            }
            chunk = jdbc.sql("select content from case_document_chunk where document_id = ? and position = ?")
                    .params(documentId, nextPosition++)
                    .query(byte[].class)
                    .optional()
                    .orElse(null);
            offset = 0;
            if (chunk == null) {
                chunk = new byte[0];
                ended = true;
            }
            return !ended;
        }
    }
}
