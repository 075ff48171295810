package org.jcmflow.tasks;

import org.jcmflow.web.PageMessages;

/**
 * The optional translations of a form's texts, falling back to the form's own English: the task page, the
 * submission a reviewer reads beside it, the history and Tasklist's forms name a field and an option alike.
 */
record FormLabels(String formId, PageMessages messages) {

    String label(FormSchema.Field field) {
        return label(field.key(), field.label());
    }

    String label(String key, String english) {
        return messages.getOrDefault("form." + formId + "." + key,
                messages.getOrDefault("form.field." + key, english));
    }

    String description(FormSchema.Field field) {
        return description(field.key(), field.description());
    }

    String description(String key, String english) {
        return messages.getOrDefault("form." + formId + "." + key + ".description",
                messages.getOrDefault("form.field." + key + ".description", english));
    }

    String option(String key, FormSchema.Option option) {
        return option(key, option.value(), option.label());
    }

    String option(String key, String value, String english) {
        return messages.getOrDefault("form." + formId + "." + key + "." + value,
                messages.getOrDefault("form.option." + value, english));
    }

    String text(FormSchema.Text text) {
        return text(text.id(), text.markdown());
    }

    String text(String id, String english) {
        return messages.getOrDefault("form." + formId + "." + id, english);
    }
}
