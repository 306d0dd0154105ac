package dev.ratchet.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link ChatModel} over the Chat Completions protocol (OpenAI, Azure OpenAI, and compatible
 * servers). Streams over SSE when the request asks for it, and retries 408, 409, 429 (but not
 * {@code insufficient_quota} or "Request too large"), 5xx, broken connections and timeouts.
 * A retried attempt starts from scratch: its partial text is dropped, never glued to the next.
 */
public final class OpenAiChatModel implements ChatModel {
    private static final Pattern TRY_AGAIN_IN = Pattern.compile("try again in (\\d+(?:\\.\\d+)?)(ms|s)\\b");

    private final Endpoint endpoint;
    private final ChatTransport transport;
    private final RetryPolicy retryPolicy;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final ChatRequestEncoder encoder;

    public OpenAiChatModel(ModelSettings settings, ChatTransport transport, RetryPolicy retryPolicy) {
        this.endpoint = new Endpoint(settings);
        this.transport = transport;
        this.retryPolicy = retryPolicy;
        this.timeout = settings.timeout();
        this.encoder = new ChatRequestEncoder(json, settings.provider().dialect());
    }

    @Override
    public ChatResponse send(ChatRequest request, Consumer<ChatEvent> events, Cancellation cancellation) {
        RawRequest raw = new RawRequest(endpoint.chatUrl(request.model()), endpoint.headers(), encoder.encode(request));
        for (int attempt = 1; ; attempt++) {
            cancellation.throwIfCancelled();
            try {
                ChatResponse response = attempt(raw, request, events, cancellation);
                events.accept(new ChatEvent.Completed(response));
                return response;
            } catch (ChatCancelledException cancelled) {
                throw cancelled;
            } catch (ModelException failure) {
                if (cancellation.isCancelled()) {
                    throw new ChatCancelledException();
                }
                if (!failure.retryable() || attempt > retryPolicy.maxRetries()) {
                    throw attempt == 1 ? failure : failure.afterAttempts(attempt);
                }
                Duration delay = retryPolicy.delayBefore(attempt, failure.retryAfter());
                if (delay == null) {
                    throw new ModelException(failure.kind(), "the server asks to wait "
                            + failure.retryAfter().toSeconds() + " s before retrying, longer than ratchet waits ("
                            + RetryPolicy.LONGEST_WAIT.toSeconds() + " s); try again later. "
                            + failure.getMessage(), null, false, null, failure);
                }
                events.accept(new ChatEvent.Retrying(attempt, delay, failure.getMessage()));
                retryPolicy.sleeper().sleep(delay, cancellation);
            }
        }
    }

    private ChatResponse attempt(RawRequest raw, ChatRequest request, Consumer<ChatEvent> events,
            Cancellation cancellation) {
        RawReply reply;
        try {
            reply = transport.send(raw, cancellation);
        } catch (IOException e) {
            throw connectionFailure(e, cancellation, null, false);
        }
        // Azure's API gateway names its id apim-request-id when x-request-id is missing.
        String requestId = reply.header("x-request-id") != null ? reply.header("x-request-id") : reply.header("apim-request-id");
        try (reply) {
            if (reply.status() < 200 || reply.status() > 299) {
                String body = new String(reply.body().readAllBytes(), StandardCharsets.UTF_8);
                throw httpFailure(reply, body, request.model(), requestId);
            }
            ReplyAssembler assembler = new ReplyAssembler(events,
                    error -> streamFailure(error, request.model(), requestId));
            BufferedInputStream body = new BufferedInputStream(reply.body());
            if (reply.isEventStream() || (request.stream() && startsLikeEvents(body))) {
                readStream(body, assembler, requestId, cancellation);
            } else {
                byte[] bytes;
                try {
                    bytes = body.readAllBytes();
                } catch (IOException e) {
                    throw connectionFailure(e, cancellation, requestId, false);
                }
                assembler.whole(parse(new String(bytes, StandardCharsets.UTF_8), "reply body", requestId));
            }
            return withRequestId(() -> assembler.complete(requestId), requestId);
        } catch (IOException closing) {
            throw connectionFailure(closing, cancellation, requestId, false);
        }
    }

    /** Some servers stream without saying {@code text/event-stream}; peek at the first bytes to tell. */
    private static boolean startsLikeEvents(BufferedInputStream body) throws IOException {
        body.mark(64);
        byte[] start = body.readNBytes(64);
        body.reset();
        String text = new String(start, StandardCharsets.UTF_8).stripLeading();
        return text.startsWith("data:") || text.startsWith(":") || text.startsWith("event:");
    }

    private void readStream(InputStream body, ReplyAssembler assembler, String requestId, Cancellation cancellation) {
        SseReader reader = new SseReader(body);
        boolean done = false;
        try {
            for (SseReader.Event event = reader.next(); event != null; event = reader.next()) {
                cancellation.throwIfCancelled();
                String data = event.data();
                if (data.strip().equals("[DONE]")) {
                    done = true;
                    break;
                }
                if (data.isBlank()) {
                    continue;
                }
                JsonNode chunk = parse(data, "stream event", requestId);
                withRequestId(() -> {
                    assembler.chunk(chunk);
                    return null;
                }, requestId);
            }
        } catch (IOException e) {
            throw connectionFailure(e, cancellation, requestId, assembler.hasText());
        }
        if (!done && !assembler.finished()) {
            throw new ModelException(ModelException.Kind.CONNECTION, "the stream from " + endpoint.baseUrl()
                    + " ended before the reply was complete (no finish_reason and no [DONE])",
                    requestId, true, null, null);
        }
    }

    private JsonNode parse(String text, String what, String requestId) {
        try {
            return json.readTree(text);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ModelException(ModelException.Kind.PROTOCOL, "the server's " + what + " is not valid JSON ("
                    + e.getOriginalMessage() + "): " + ErrorReply.excerpt(text), requestId, false, null, null);
        }
    }

    private static <T> T withRequestId(java.util.function.Supplier<T> step, String requestId) {
        try {
            return step.get();
        } catch (ModelException e) {
            if (e.requestId() != null || requestId == null) {
                throw e;
            }
            throw new ModelException(e.kind(), e.getMessage(), requestId, e.retryable(), e.retryAfter(), e.getCause());
        }
    }

    private ModelException connectionFailure(IOException e, Cancellation cancellation, String requestId,
            boolean midReply) {
        if (cancellation.isCancelled()) {
            return new ChatCancelledException();
        }
        String base = endpoint.baseUrl();
        if (e instanceof SocketTimeoutException
                || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
            return new ModelException(ModelException.Kind.TIMEOUT, "no reply from " + base + " for "
                    + timeout.toSeconds() + " s; check that the server is up, or raise --request-timeout",
                    requestId, true, null, e);
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException) {
            return new ModelException(ModelException.Kind.CONNECTION, "could not connect to " + base + " ("
                    + e.getMessage() + "); check --base-url and that the server is running", requestId, true, null, e);
        }
        String when = midReply ? "in the middle of the reply" : "before the reply was complete";
        return new ModelException(ModelException.Kind.CONNECTION, "the connection to " + base + " broke " + when
                + " (" + e.getMessage() + ")", requestId, true, null, e);
    }

    private ModelException httpFailure(RawReply reply, String body, String model, String requestId) {
        int status = reply.status();
        ErrorReply error = ErrorReply.parse(json, body);
        String says = error.describe();
        String base = endpoint.baseUrl();
        Duration retryAfter = retryAfter(reply, error);
        Boolean shouldRetry = parseShouldRetry(reply.header("x-should-retry"));
        ModelException.Kind kind;
        String message;
        boolean retryable;
        switch (status) {
            case 401 -> {
                kind = ModelException.Kind.AUTH;
                message = endpoint.keyDescription() + " was rejected by " + base + " (401: " + says
                        + "); set " + endpoint.keyVariable() + " to a valid key";
                retryable = false;
            }
            case 403 -> {
                kind = ModelException.Kind.FORBIDDEN;
                message = base + " refused access (403: " + says + "); the key in " + endpoint.keyVariable()
                        + " is not allowed to use " + model + " from here";
                retryable = false;
            }
            case 404 -> {
                kind = ModelException.Kind.MODEL_NOT_FOUND;
                message = endpoint.notServed(model) + " (404: " + says + ")";
                retryable = false;
            }
            case 402 -> {
                kind = ModelException.Kind.QUOTA;
                message = base + " says the account is out of credits (402: " + says + "); add credits or use another key";
                retryable = false;
            }
            case 429 -> {
                if (error.codeIs("insufficient_quota")) {
                    kind = ModelException.Kind.QUOTA;
                    message = "the account behind " + endpoint.keyVariable() + " has no quota left (429: " + says
                            + "); check the plan and billing details, or use another key";
                    retryable = false;
                } else if (says.toLowerCase(Locale.ROOT).contains("request too large")) {
                    kind = ModelException.Kind.PROMPT_TOO_LONG;
                    message = "the request is larger than the account's tokens-per-minute limit for " + model
                            + " (429: " + says + "); send less context or use a model with a higher limit";
                    retryable = false;
                } else {
                    kind = ModelException.Kind.RATE_LIMITED;
                    message = "rate limited by " + base + " (429: " + says + "); wait a minute or lower the request rate";
                    retryable = true;
                }
            }
            case 408, 409 -> {
                kind = ModelException.Kind.SERVER;
                message = base + " answered HTTP " + status + " (" + says + ")";
                retryable = true;
            }
            default -> {
                if (status >= 500) {
                    kind = ModelException.Kind.SERVER;
                    message = base + " failed with HTTP " + status + " (" + says + "); the server may be overloaded or down";
                    retryable = true;
                } else if (error.codeIs("context_length_exceeded")) {
                    kind = ModelException.Kind.PROMPT_TOO_LONG;
                    message = "the prompt is too long for " + model + " (" + status + ": " + says
                            + "); send fewer or smaller files";
                    retryable = false;
                } else {
                    kind = ModelException.Kind.BAD_REQUEST;
                    message = base + " rejected the request (HTTP " + status + ": " + says + ")";
                    retryable = false;
                }
            }
        }
        boolean never = status == 400 || status == 401 || status == 403 || status == 404
                || kind == ModelException.Kind.QUOTA;
        if (shouldRetry != null && !never) {
            retryable = shouldRetry;
        }
        return new ModelException(kind, message, requestId, retryable, retryAfter, null);
    }

    private ModelException streamFailure(ErrorReply error, String model, String requestId) {
        String says = error.describe();
        if (error.codeIs("context_length_exceeded")) {
            return new ModelException(ModelException.Kind.PROMPT_TOO_LONG, "the prompt is too long for " + model
                    + " (" + says + "); send fewer or smaller files", requestId, false, null, null);
        }
        if (error.codeIs("insufficient_quota")) {
            return new ModelException(ModelException.Kind.QUOTA, "the account behind " + endpoint.keyVariable()
                    + " has no quota left (" + says + ")", requestId, false, null, null);
        }
        boolean transient_ = error.codeIs("server_error") || error.codeIs("rate_limit_exceeded")
                || error.codeIs("502") || error.codeIs("503") || error.codeIs("500") || error.codeIs("429");
        return new ModelException(transient_ ? ModelException.Kind.SERVER : ModelException.Kind.BAD_REQUEST,
                endpoint.baseUrl() + " reported an error in the middle of the stream: " + says,
                requestId, transient_, null, null);
    }

    private static Boolean parseShouldRetry(String header) {
        if (header == null) {
            return null;
        }
        return switch (header.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** {@code retry-after-ms}, then {@code retry-after} (seconds or HTTP date), then "try again in 1.5s". */
    static Duration retryAfter(RawReply reply, ErrorReply error) {
        String millis = reply.header("retry-after-ms");
        if (millis != null) {
            try {
                return Duration.ofMillis(Math.round(Double.parseDouble(millis.strip())));
            } catch (NumberFormatException ignored) {
                // fall through to the next source
            }
        }
        String after = reply.header("retry-after");
        if (after != null) {
            try {
                return Duration.ofMillis(Math.round(Double.parseDouble(after.strip()) * 1000));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime when = ZonedDateTime.parse(after.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration wait = Duration.between(ZonedDateTime.now(when.getZone()), when);
                    return wait.isNegative() ? Duration.ZERO : wait;
                } catch (RuntimeException notDate) {
                    // unreadable header: use our own back-off
                }
            }
        }
        if (error.message() != null) {
            Matcher matcher = TRY_AGAIN_IN.matcher(error.message());
            if (matcher.find()) {
                double amount = Double.parseDouble(matcher.group(1));
                return Duration.ofMillis(Math.round(matcher.group(2).equals("ms") ? amount : amount * 1000));
            }
        }
        return null;
    }
}
