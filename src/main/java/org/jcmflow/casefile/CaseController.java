package org.jcmflow.casefile;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jcmflow.identity.CurrentUsers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseFileService cases;
    private final CurrentUsers currentUsers;

    CaseController(CaseFileService cases, CurrentUsers currentUsers) {
        this.cases = cases;
        this.currentUsers = currentUsers;
    }

    record CasePage(List<ProjectCase> content, int page, int size, long totalElements, long totalPages) {
    }

    @PostMapping
    ResponseEntity<CaseDetails> open(@Valid @RequestBody NewCase request) {
        var user = currentUsers.current();
        ProjectCase opened = cases.open(request, user);
        return ResponseEntity.created(URI.create("/api/cases/" + opened.id())).body(cases.details(opened.id(), user));
    }

    @GetMapping
    CasePage search(@RequestParam(required = false) Stage stage,
                    @RequestParam(required = false) JcmTrackStage jcmTrack,
                    @RequestParam(required = false) String partnerCountry,
                    @RequestParam(required = false) Integer fiscalYear,
                    @RequestParam(required = false) String sort,
                    @RequestParam(required = false) String q,
                    @RequestParam(defaultValue = "0") @Min(0) int page,
                    @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                    Locale locale) {
        var result = cases.search(currentUsers.current(), stage, jcmTrack, partnerCountry, fiscalYear, q,
                CaseSort.parse(sort),
                locale, page, size);
        return new CasePage(result.content(), page, size, result.totalElements(),
                (result.totalElements() + size - 1) / size);
    }

    @GetMapping("/{id}")
    CaseDetails details(@PathVariable UUID id) {
        return cases.details(id, currentUsers.current());
    }
}
