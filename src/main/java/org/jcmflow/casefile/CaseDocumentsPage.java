package org.jcmflow.casefile;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.problem.InvalidInput;
import org.jcmflow.web.PageController;
import org.jcmflow.web.PageMessages;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Documents on the case page: the upload form posts here and returns to the case with a confirmation or the
 * reason the file was refused; downloads go through the same checks as the API's.
 */
@PageController
class CaseDocumentsPage {

    /** The flash attribute with the reason a file was refused, shown next to the upload form. */
    static final String DOCUMENT_ERROR = "documentError";

    private final CaseDocuments documents;
    private final CurrentUsers currentUsers;
    private final PageMessages messages;

    CaseDocumentsPage(CaseDocuments documents, CurrentUsers currentUsers, PageMessages messages) {
        this.documents = documents;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @PostMapping("/cases/{caseId}/documents")
    String upload(@PathVariable UUID caseId, @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = CaseDocuments.CONFIDENTIAL_VERSION, required = false)
                  MultipartFile confidentialVersion,
                  RedirectAttributes flash) throws IOException {
        try {
            DocumentInfo uploaded = documents.upload(caseId, file, confidentialVersion, currentUsers.current());
            flash.addFlashAttribute("notice", messages.get("document.uploaded", uploaded.fileName()));
        } catch (InvalidInput e) {
            flash.addFlashAttribute(DOCUMENT_ERROR, refusal(e));
        }
        return backToDocuments(caseId);
    }

    /** Why the upload was refused; a refusal of the confidential version says that it is about that file. */
    private String refusal(InvalidInput e) {
        return messages.fieldErrors(e).entrySet().stream()
                .map(error -> error.getKey().equals(CaseDocuments.CONFIDENTIAL_VERSION)
                        ? messages.get("document.confidentialVersionRefused", error.getValue())
                        : error.getValue())
                .collect(Collectors.joining(" "));
    }

    @GetMapping("/cases/{caseId}/documents/{documentId}")
    ResponseEntity<Resource> download(@PathVariable UUID caseId, @PathVariable UUID documentId) {
        return CaseDocumentController.attachment(documents.download(caseId, documentId, currentUsers.current()));
    }

    /**
     * A file over the servlet container's upload limit is refused before the upload method runs: the same
     * message on the case page as for a file over the documents' own limit.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String overUploadLimit(HttpServletRequest request) {
        String message = String.join(" ", messages.fieldErrors(documents.tooLarge()).values());
        RequestContextUtils.getOutputFlashMap(request).put(DOCUMENT_ERROR, message);
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        try {
            return backToDocuments(UUID.fromString(String.valueOf(path == null ? null : path.get("caseId"))));
        } catch (IllegalArgumentException notACase) {
            return "redirect:/cases";
        }
    }

    private static String backToDocuments(UUID caseId) {
        return "redirect:/cases/" + caseId + "#documents";
    }
}
