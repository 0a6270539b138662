package ai.automagik.sample;

import ai.automagik.tracing.Tracer;
import ai.automagik.tracing.jaxrs.TraceparentClientFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.StringReader;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The W3C Trace Context test suite's test service, {@code POST /api/trace-context/test}: a JSON array of
 * {@code {"url": …, "arguments": …}}; each {@code arguments} is posted to its {@code url} through the tracing JAX-RS
 * client, which carries the trace on, before the answer. Only with {@code AUTOMAGIK_SAMPLE_TRACE_CONTEXT_TEST=true}
 * (404 otherwise) and only towards loopback addresses, so it cannot be used to reach other hosts.
 */
@Path("trace-context")
@RequestScoped
public class TraceContextTestResource {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
    private static final int MAX_BODY = 64 * 1024;
    private static final int MAX_CALLS = 32;

    @Inject
    Tracer tracer;

    @Inject
    @ConfigProperty(name = "automagik.sample.trace.context.test", defaultValue = "false")
    boolean enabled;

    @POST
    @Path("test")
    @Consumes(MediaType.WILDCARD)
    public Response test(String body) {
        if (!enabled) {
            return ApiError.of(404, "not enabled (AUTOMAGIK_SAMPLE_TRACE_CONTEXT_TEST=true)");
        }
        JsonArray calls;
        try (JsonReader reader = SampleJson.PROVIDER.createReader(new StringReader(body == null ? "" : body))) {
            if (body == null || body.length() > MAX_BODY) {
                return ApiError.of(400, "a JSON array of at most " + MAX_BODY + " bytes");
            }
            calls = reader.readArray();
        } catch (RuntimeException e) {
            return ApiError.of(400, "a JSON array of {\"url\": …, \"arguments\": …}");
        }
        if (calls.size() > MAX_CALLS) {
            return ApiError.of(400, "at most " + MAX_CALLS + " calls");
        }
        Client client = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS)
                .build().register(new TraceparentClientFilter(tracer));
        try {
            for (JsonValue call : calls) {
                if (!(call instanceof JsonObject object) || !(object.get("url") instanceof jakarta.json.JsonString url)) {
                    return ApiError.of(400, "each call needs a \"url\"");
                }
                URI target = URI.create(url.getString());
                if (!("http".equals(target.getScheme()) && target.getHost() != null && LOOPBACK.contains(target.getHost()))) {
                    return ApiError.of(400, "only http:// loopback addresses");
                }
                JsonValue arguments = object.getOrDefault("arguments", JsonValue.EMPTY_JSON_ARRAY);
                try (Response ignored = client.target(target).request().post(Entity.json(arguments.toString()))) {
                    // the callee's answer does not matter; the call does
                }
            }
        } catch (IllegalArgumentException e) {
            return ApiError.of(400, "a malformed url");
        } finally {
            client.close();
        }
        return Response.ok("{}", MediaType.APPLICATION_JSON_TYPE).build();
    }
}
