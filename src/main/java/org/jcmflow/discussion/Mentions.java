package org.jcmflow.discussion;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The usernames a text mentions: {@code @sato}, not the middle of a mail address such as {@code a@example.org},
 * and without the full stop that ends a sentence ("ask @sato.").
 */
final class Mentions {

    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.@-])@([A-Za-z0-9][A-Za-z0-9._-]{0,99})");

    private Mentions() {
    }

    static List<String> in(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher mention = MENTION.matcher(text == null ? "" : text);
        while (mention.find()) {
            found.add(mention.group(1).replaceAll("[._-]+$", ""));
        }
        return List.copyOf(found);
    }
}
