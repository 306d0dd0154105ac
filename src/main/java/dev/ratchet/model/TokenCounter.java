package dev.ratchet.model;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;

/**
 * Counts tokens the way GPT-4.1 does (o200k_base). jtokkit maps "gpt-4.1" to cl100k_base, which
 * is wrong, so the encoding is chosen here and not by model name. Loading the encoding costs about
 * 0.3 s, so build one counter per process and share it.
 *
 * <p>Chat overhead follows OpenAI's cookbook (measured for gpt-4o, assumed for 4.1): 3 tokens per
 * message plus its role and content, 3 to prime the reply; tools cost 7 per function plus its
 * text and 12 once. Prompts therefore come out within a few tokens of the server's count, which
 * is enough for budgets and window checks; the server's {@code usage} stays the truth for billing.
 */
public final class TokenCounter {
    static final int PER_MESSAGE = 3;
    static final int REPLY_PRIMING = 3;
    static final int PER_TOOL = 7;
    static final int TOOLS_ONCE = 12;

    private final Encoding encoding;

    public TokenCounter() {
        this.encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    }

    /** Tokens in plain text, without any chat-message overhead. */
    public int count(String text) {
        return text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    /** Tokens of a conversation as the model sees it, including per-message overhead and reply priming. */
    public int countMessages(List<ChatMessage> messages) {
        int total = REPLY_PRIMING;
        for (ChatMessage message : messages) {
            total += PER_MESSAGE + count(message.role());
            if (message instanceof ChatMessage.SystemPrompt system) {
                total += count(system.text());
            } else if (message instanceof ChatMessage.User user) {
                total += count(user.text());
            } else if (message instanceof ChatMessage.ToolResult result) {
                total += count(result.content());
            } else if (message instanceof ChatMessage.Assistant assistant) {
                total += count(assistant.text());
                for (ToolCall call : assistant.toolCalls()) {
                    total += PER_MESSAGE + count(call.name()) + count(call.arguments());
                }
            }
        }
        return total;
    }

    /** Tokens the tool definitions add to a prompt (zero without tools). */
    public int countTools(List<ToolSpec> tools) {
        if (tools.isEmpty()) {
            return 0;
        }
        int total = TOOLS_ONCE;
        for (ToolSpec tool : tools) {
            total += PER_TOOL + count(tool.name()) + count(tool.description())
                    + (tool.parameters() == null ? 0 : count(tool.parameters().toString()));
        }
        return total;
    }

    /** The whole prompt of a request: messages plus tools. */
    public int countPrompt(ChatRequest request) {
        return countMessages(request.messages()) + countTools(request.tools());
    }
}
