package org.jcmflow.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The lifecycle's real forms, read from {@code forms/} for tests. */
final class Forms {

    private Forms() {
    }

    static FormSchema read(String id) {
        try {
            String raw = Files.readString(Path.of("forms", id + ".form"));
            return FormSchema.parse(new ObjectMapper().readTree(raw), raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
