package dev.ratchet.model;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends requests with OkHttp. The read timeout bounds the silence between two pieces of the
 * reply, not the whole reply, so a long stream that keeps talking is never cut off. OkHttp's own
 * retries are off: {@link OpenAiChatModel} decides about retrying.
 */
public final class OkHttpTransport implements ChatTransport {
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient client;

    public OkHttpTransport(Duration readTimeout) {
        this.client = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .retryOnConnectionFailure(false)
                .build();
    }

    @Override
    public RawReply send(RawRequest request, Cancellation cancellation) throws IOException {
        Request.Builder builder;
        try {
            builder = new Request.Builder().url(request.url()).post(RequestBody.create(request.body(), JSON));
        } catch (IllegalArgumentException badUrl) {
            throw new ModelSetupException("the model URL " + request.url() + " is not a valid http(s) URL; check --base-url");
        }
        request.headers().forEach(builder::header);
        Call call = client.newCall(builder.build());
        Cancellation.Registration registration = cancellation.onCancel(call::cancel);
        Response response;
        try {
            response = call.execute();
        } catch (IOException e) {
            registration.close();
            throw e;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().names().forEach(name -> headers.put(name, response.header(name)));
        ResponseBody body = response.body();
        InputStream stream = new java.io.FilterInputStream(body.byteStream()) {
            @Override
            public void close() throws IOException {
                registration.close();
                response.close();
            }
        };
        return new RawReply(response.code(), headers, stream);
    }
}
