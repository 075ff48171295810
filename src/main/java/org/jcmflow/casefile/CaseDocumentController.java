package org.jcmflow.casefile;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.web.ProblemDocuments;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/cases/{caseId}/documents")
class CaseDocumentController {

    private final CaseDocuments documents;
    private final CurrentUsers currentUsers;

    CaseDocumentController(CaseDocuments documents, CurrentUsers currentUsers) {
        this.documents = documents;
        this.currentUsers = currentUsers;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DocumentInfo> upload(@PathVariable UUID caseId,
                                        @RequestParam(name = "file", required = false) MultipartFile file,
                                        @RequestParam(name = CaseDocuments.CONFIDENTIAL_VERSION, required = false)
                                        MultipartFile confidentialVersion)
            throws IOException {
        var info = documents.upload(caseId, file, confidentialVersion, currentUsers.current());
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/documents/" + info.id())).body(info);
    }

    @GetMapping("/{documentId}")
    ResponseEntity<Resource> download(@PathVariable UUID caseId, @PathVariable UUID documentId) {
        return attachment(documents.download(caseId, documentId, currentUsers.current()));
    }

    /** Beyond the container's upload limit the file never reaches the service: the same answer as over its own. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail overUploadLimit() {
        return ProblemDocuments.of(documents.tooLarge());
    }

    /**
     * A download, never shown inline: the browser saves it under its name, whatever the bytes are. Streamed from
     * the database as it is sent (an InputStreamResource, which Spring MVC copies and never reads whole).
     */
    static ResponseEntity<Resource> attachment(CaseDocuments.Document document) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.info().contentType()))
                .contentLength(document.info().size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.info().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(document.content()));
    }
}
