package org.jcmflow.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The Camunda Forms in {@code forms/}, read once at start-up and checked to be understood. */
@Component
class FormRegistry {

    private final Map<String, FormSchema> forms = new HashMap<>();

    FormRegistry(ObjectMapper json) throws IOException {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            try (InputStream in = resource.getInputStream()) {
                String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                FormSchema schema = FormSchema.parse(json.readTree(raw), raw);
                if (forms.put(schema.id(), schema) != null) {
                    throw new IllegalStateException("Two forms have the id " + schema.id());
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Form " + resource.getFilename() + ": " + e.getMessage(), e);
            }
        }
    }

    Optional<FormSchema> find(String formId) {
        return Optional.ofNullable(forms.get(formId));
    }
}
