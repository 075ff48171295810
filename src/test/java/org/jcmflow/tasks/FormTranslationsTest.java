package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

/** Every text of every Camunda Form has a Japanese translation, so the task pages are Japanese throughout. */
class FormTranslationsTest {

    @Test
    void everyLabelOptionAndTextOfTheFormsIsTranslated() throws IOException {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path file : files.sorted().toList()) {
                FormSchema form = Forms.read(file.getFileName().toString().replace(".form", ""));
                String prefix = "form." + form.id() + ".";
                for (FormSchema.Text text : form.texts()) {
                    check(messages, missing, prefix + text.id());
                }
                for (FormSchema.Field field : form.fields()) {
                    check(messages, missing, prefix + field.key(), "form.field." + field.key());
                    if (field.description() != null) {
                        check(messages, missing, prefix + field.key() + ".description",
                                "form.field." + field.key() + ".description");
                    }
                    for (FormSchema.Option option : field.options()) {
                        check(messages, missing, prefix + field.key() + "." + option.value(),
                                "form.option." + option.value());
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static void check(ResourceBundleMessageSource messages, List<String> missing, String... codes) {
        for (String code : codes) {
            if (messages.getMessage(code, null, null, Locale.JAPANESE) != null) {
                return;
            }
        }
        missing.add(codes[0]);
    }
}
