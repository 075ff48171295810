package org.jcmflow.contracts;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.programme.RecordTable;
import org.jcmflow.problem.InvalidInput;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Contracts, their changes and spending: programme managers write, the programme office reads. */
@RestController
class ContractController {

    private final Contracts contracts;
    private final CurrentUsers currentUsers;

    ContractController(Contracts contracts, CurrentUsers currentUsers) {
        this.contracts = contracts;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/contracts")
    List<Contract> list(@RequestParam(required = false) UUID caseId) {
        return contracts.list(caseId, currentUsers.current());
    }

    @GetMapping("/api/contracts/{id}")
    Contract get(@PathVariable UUID id) {
        return contracts.get(id, currentUsers.current());
    }

    @PostMapping("/api/contracts")
    ResponseEntity<Contract> sign(@RequestBody ContractEntry entry) {
        Contract signed = contracts.sign(entry, currentUsers.current());
        return ResponseEntity.created(URI.create("/api/contracts/" + signed.id())).body(signed);
    }

    @PostMapping("/api/contracts/{id}/changes")
    ResponseEntity<Contract> change(@PathVariable UUID id, @RequestBody ChangeEntry entry) {
        return ResponseEntity.status(201).body(contracts.change(id, entry, currentUsers.current()));
    }

    @PutMapping("/api/contracts/{id}/spending/{fiscalYear}")
    ResponseEntity<Void> recordSpending(@PathVariable UUID id, @PathVariable int fiscalYear,
                                        @RequestBody SpendingEntry entry) {
        contracts.recordSpending(id, fiscalYear, entry, currentUsers.current());
        return ResponseEntity.noContent().build();
    }

    /** An accounts file as the request body (text/csv): every row recorded, or none. */
    @PostMapping(path = "/api/spending/import", consumes = "text/csv")
    Map<String, Integer> importCsv(@RequestBody byte[] file) {
        // who may import, before the file is read
        Contracts.requireWriter(currentUsers.current());
        return Map.of("rows", contracts.importSpending(SpendingImport.parse(file), currentUsers.current()));
    }

    /** The same file uploaded as a form's {@code file}. */
    @PostMapping(path = "/api/spending/import", consumes = "multipart/form-data")
    Map<String, Integer> importUpload(@RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        Contracts.requireWriter(currentUsers.current());
        if (file == null || file.isEmpty()) {
            throw InvalidInput.of("file", "is required: the accounts' CSV file");
        }
        return Map.of("rows", contracts.importSpending(SpendingImport.parse(file.getBytes()), currentUsers.current()));
    }

    @GetMapping("/api/reports/contracts.csv")
    void contractsCsv(HttpServletResponse response) throws IOException {
        ContractTables.contracts(contracts.list(null, currentUsers.current())).sendCsv("jcm-contracts.csv", response);
    }

    @GetMapping("/api/reports/contract-changes.csv")
    void changesCsv(HttpServletResponse response) throws IOException {
        ContractTables.changes(contracts.list(null, currentUsers.current())).sendCsv("jcm-contract-changes.csv",
                response);
    }

    @GetMapping("/api/reports/spending.csv")
    void spendingCsv(HttpServletResponse response) throws IOException {
        ContractTables.spending(contracts.list(null, currentUsers.current())).sendCsv("jcm-spending.csv", response);
    }

    @GetMapping("/api/reports/contracts.xlsx")
    void workbook(HttpServletResponse response) throws IOException {
        List<Contract> all = contracts.list(null, currentUsers.current());
        RecordTable.sendXlsx("jcm-contracts.xlsx", List.of(ContractTables.contracts(all), ContractTables.changes(all),
                ContractTables.spending(all)), response);
    }

}
