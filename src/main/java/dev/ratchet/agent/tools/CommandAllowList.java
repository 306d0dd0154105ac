package dev.ratchet.agent.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The commands the model may run without asking, from {@code --allow-command} and
 * {@code allow_commands:}. The rule, precisely:
 * <ul>
 *   <li>Commands and entries are split into words at whitespace.</li>
 *   <li>An entry allows a command when the entry's words are the command's first words, exactly:
 *       {@code "npm test"} allows {@code npm test} and {@code npm test -- --grep money}, but not
 *       {@code npm testing}, {@code npm} or {@code npm run build}. An entry {@code "*"} allows every
 *       command without metacharacters.</li>
 *   <li>A command holding a shell metacharacter ({@code ; & | ` $ < > ( ) \} or a line break) is
 *       never allowed by an entry: {@code npm test; rm -rf ~} and {@code npm test $(curl x)} would
 *       otherwise slip through the entry for {@code npm test}. Only a person's yes runs those.</li>
 * </ul>
 */
public record CommandAllowList(List<String> entries) {
    private static final String METACHARACTERS = ";&|`$<>()\\\n\r";

    public CommandAllowList {
        entries = entries.stream().map(String::strip).filter(entry -> !entry.isEmpty()).toList();
    }

    public static CommandAllowList none() {
        return new CommandAllowList(List.of());
    }

    /** The entry that allows {@code command}, or empty. */
    public Optional<String> allowing(String command) {
        if (metacharacter(command).isPresent()) {
            return Optional.empty();
        }
        List<String> words = words(command);
        for (String entry : entries) {
            List<String> wanted = words(entry);
            if (wanted.equals(List.of("*")) && !words.isEmpty()
                    || !wanted.isEmpty() && words.size() >= wanted.size() && words.subList(0, wanted.size()).equals(wanted)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** The first shell metacharacter in {@code command}, shown as the model should read it. */
    public static Optional<String> metacharacter(String command) {
        for (char c : command.toCharArray()) {
            if (METACHARACTERS.indexOf(c) >= 0) {
                return Optional.of(c == '\n' ? "a line break" : c == '\r' ? "a carriage return" : "'" + c + "'");
            }
        }
        return Optional.empty();
    }

    private static List<String> words(String text) {
        return new ArrayList<>(Arrays.stream(text.strip().split("\\s+")).filter(word -> !word.isEmpty()).toList());
    }
}
