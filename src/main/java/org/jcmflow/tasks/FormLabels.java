package org.jcmflow.tasks;

import org.jcmflow.web.PageMessages;

/**
 * The optional translations of a form's texts, falling back to the form's own English: the task page and the
 * submission a reviewer reads beside it name a field and an option alike.
 */
record FormLabels(String formId, PageMessages messages) {

    String label(FormSchema.Field field) {
        return messages.getOrDefault("form." + formId + "." + field.key(),
                messages.getOrDefault("form.field." + field.key(), field.label()));
    }

    String description(FormSchema.Field field) {
        return messages.getOrDefault("form." + formId + "." + field.key() + ".description",
                messages.getOrDefault("form.field." + field.key() + ".description", field.description()));
    }

    String option(String key, FormSchema.Option option) {
        return messages.getOrDefault("form." + formId + "." + key + "." + option.value(),
                messages.getOrDefault("form.option." + option.value(), option.label()));
    }

    String text(FormSchema.Text text) {
        return messages.getOrDefault("form." + formId + "." + text.id(), text.markdown());
    }
}
