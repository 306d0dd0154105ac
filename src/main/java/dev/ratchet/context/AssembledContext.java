package dev.ratchet.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What would be sent: the sections in order (stable first, changing last), the files sent whole,
 * the files outlined in the map, the files left out and why, and the token total.
 */
public record AssembledContext(ContextMode mode, List<ContextSection> sections, List<ContextFile> files,
                               List<String> mappedFiles, List<Exclusion> excluded, int totalTokens,
                               Map<String, Long> phaseMillis) {
    /** Chat-format overhead per message and for priming the reply (OpenAI cookbook, o200k models). */
    static final int TOKENS_PER_MESSAGE = 3;
    static final int REPLY_PRIMING = 3;

    public AssembledContext {
        sections = List.copyOf(sections);
        files = List.copyOf(files);
        mappedFiles = List.copyOf(mappedFiles);
        excluded = List.copyOf(excluded);
        phaseMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phaseMillis));
    }

    /** One chat message. */
    public record Message(String role, String content) {
    }

    /** The sections folded into chat messages: consecutive sections of one role make one message. */
    public List<Message> messages() {
        List<Message> messages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String role = null;
        for (ContextSection section : sections) {
            if (role != null && !role.equals(section.role())) {
                messages.add(new Message(role, current.toString()));
                current.setLength(0);
            }
            role = section.role();
            current.append(section.text());
        }
        if (role != null) {
            messages.add(new Message(role, current.toString()));
        }
        return messages;
    }

    /** The whole prompt as text, sections in order, for display and for comparing runs. */
    public String text() {
        StringBuilder text = new StringBuilder();
        sections.forEach(section -> text.append(section.text()));
        return text.toString();
    }
}
