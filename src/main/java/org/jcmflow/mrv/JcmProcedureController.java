package org.jcmflow.mrv;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Pattern;

import org.jcmflow.identity.CurrentUsers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Joint Committee's procedure around the case's tasks: the register of third-party entities (programme
 * managers keep it, everyone signed in reads it), public inputs (open to every signed-in role, as the JCM's are to
 * the public), the extension of the JC's consideration, and the registries' ledgers.
 */
@RestController
class JcmProcedureController {

    /** A public input's body. */
    record CommentEntry(String comment) {
    }

    private final ThirdPartyEntities tpes;
    private final PublicInputs publicInputs;
    private final MethodologyConsideration consideration;
    private final RegistryLedger ledger;
    private final CurrentUsers currentUsers;

    JcmProcedureController(ThirdPartyEntities tpes, PublicInputs publicInputs, MethodologyConsideration consideration,
                           RegistryLedger ledger, CurrentUsers currentUsers) {
        this.tpes = tpes;
        this.publicInputs = publicInputs;
        this.consideration = consideration;
        this.ledger = ledger;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/third-party-entities")
    List<ThirdPartyEntity> tpes() {
        return tpes.list();
    }

    @GetMapping("/api/third-party-entities/{id}")
    ThirdPartyEntity tpe(@PathVariable long id) {
        return tpes.get(id);
    }

    @PostMapping("/api/third-party-entities")
    ResponseEntity<ThirdPartyEntity> designate(@RequestBody TpeEntry entry) {
        ThirdPartyEntity designated = tpes.designate(entry, currentUsers.current());
        return ResponseEntity.created(URI.create("/api/third-party-entities/" + designated.id())).body(designated);
    }

    @PutMapping("/api/third-party-entities/{id}")
    ThirdPartyEntity change(@PathVariable long id, @RequestBody TpeEntry entry) {
        return tpes.change(id, entry, currentUsers.current());
    }

    @GetMapping("/api/public-inputs")
    List<PublicInputPeriod> publicInputs(@RequestParam(defaultValue = "false") boolean open) {
        return publicInputs.list(open, null);
    }

    @GetMapping("/api/public-inputs/{id}")
    PublicInputPeriod publicInput(@PathVariable long id) {
        return publicInputs.get(id);
    }

    @PostMapping("/api/public-inputs/{id}/comments")
    ResponseEntity<PublicInputPeriod.Comment> comment(@PathVariable long id, @RequestBody CommentEntry entry) {
        PublicInputPeriod.Comment comment = publicInputs.comment(id, entry == null ? null : entry.comment(),
                currentUsers.current());
        return ResponseEntity.created(URI.create("/api/public-inputs/" + id)).body(comment);
    }

    @PostMapping("/api/cases/{id}/methodology-consideration/extension")
    Map<String, Instant> extendConsideration(@PathVariable UUID id) {
        return Map.of("dueDate", consideration.extend(id, currentUsers.current()));
    }

    @GetMapping("/api/cases/{id}/registry")
    RegistryLedger.CaseLedger caseLedger(@PathVariable UUID id) {
        return ledger.ofCase(id, currentUsers.current());
    }

    @GetMapping("/api/registry/{partnerCountry}")
    RegistryLedger.CountryLedger countryLedger(@PathVariable @Pattern(regexp = "[A-Z]{2}") String partnerCountry) {
        return ledger.ofCountry(partnerCountry);
    }
}
