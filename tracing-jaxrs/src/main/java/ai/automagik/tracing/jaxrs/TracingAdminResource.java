package ai.automagik.tracing.jaxrs;

import ai.automagik.tracing.MetricsSnapshot;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.diagnostics.ConfigurationEntry;
import ai.automagik.tracing.diagnostics.TracingDiagnostics;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

/**
 * The admin API for operators and scripts, under the application's JAX-RS path ({@code /api/tracing}
 * when the application path is {@code /api}). Every method needs an authenticated caller in the role
 * {@value #ROLE}; the application chooses how callers authenticate (Jakarta Security). Changes a browser
 * sends on another site's behalf are refused ({@link CrossSiteRequestFilter}).
 */
@Path("tracing")
@SameOriginOnly
@RequestScoped
@DeclareRoles(TracingAdminResource.ROLE)
@RolesAllowed(TracingAdminResource.ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class TracingAdminResource {

    public static final String ROLE = "tracing-admin";
    private static final int MAX_BODY = 4096;
    // looked up once: each static Json call looks the provider up again
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Prometheus text exposition format 0.0.4. */
    static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    TracingManager tracing;

    @Inject
    TracingDiagnostics diagnostics;

    @GET
    @Path("status")
    public MetricsSnapshot status() {
        return tracing.metrics();
    }

    /** Pipeline counters and GenAI metrics in the Prometheus text format, for a scraper with the admin's credentials. */
    @GET
    @Path("metrics")
    @Produces(MediaType.TEXT_PLAIN)
    public Response metrics() {
        return Response.ok(diagnostics.prometheusText()).type(PROMETHEUS_TYPE).build();
    }

    @POST
    @Path("test-event")
    public Response testEvent() {
        String id = tracing.sendTestEvent();
        return Response.status(Response.Status.ACCEPTED).entity(Map.of("id", id, "type", "test.event")).build();
    }

    @PUT
    @Path("telemetry")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response telemetry(String body) {
        Boolean enabled;
        try {
            enabled = parseEnabled(body);
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", e.getMessage())).build();
        }
        tracing.setTelemetryEnabled(enabled);
        MetricsSnapshot metrics = tracing.metrics();
        return Response.ok(Map.of("requested", enabled, "telemetryEnabled", metrics.telemetryEnabled(),
                "reason", metrics.telemetryDisabledReason() == null ? "" : metrics.telemetryDisabledReason())).build();
    }

    @GET
    @Path("config")
    public List<ConfigurationEntry> config() {
        return diagnostics.configuration();
    }

    static Boolean parseEnabled(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("body required: {\"enabled\": true|false}");
        }
        if (body.length() > MAX_BODY) {
            throw new IllegalArgumentException("body too large: at most " + MAX_BODY + " characters");
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject object)) {
                throw new IllegalArgumentException("body must be a JSON object: {\"enabled\": true|false}");
            }
            JsonValue enabled = object.get("enabled");
            if (enabled == null) {
                throw new IllegalArgumentException("missing field 'enabled' (true or false)");
            }
            if (enabled == JsonValue.TRUE) {
                return Boolean.TRUE;
            }
            if (enabled == JsonValue.FALSE) {
                return Boolean.FALSE;
            }
            throw new IllegalArgumentException("field 'enabled' must be true or false, not " + enabled.getValueType());
        } catch (JsonException e) {
            throw new IllegalArgumentException("malformed JSON: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable body";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
