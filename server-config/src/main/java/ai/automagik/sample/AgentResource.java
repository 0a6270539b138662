package ai.automagik.sample;

import ai.automagik.tracing.TraceContext;
import ai.automagik.tracing.Tracer;
import dev.langchain4j.guardrail.GuardrailException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code GET /api/agents} and {@code POST /api/agents/{name}/run}. */
@Path("agents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    private static final Logger LOG = Logger.getLogger(AgentResource.class.getName());
    private static final ClientAborts ABORTS = new ClientAborts();

    @Inject
    AgentRegistry registry;

    @Inject
    Tracer tracer;

    @GET
    public String list() {
        JsonArrayBuilder agents = SampleJson.PROVIDER.createArrayBuilder();
        for (Agent agent : registry.all()) {
            agents.add(SampleJson.PROVIDER.createObjectBuilder().add("name", agent.name())
                    .add("description", agent.description()));
        }
        return SampleJson.PROVIDER.createObjectBuilder().add("agents", agents).build().toString();
    }

    @POST
    @Path("{name}/run")
    public Response run(@PathParam("name") String name, @Context HttpHeaders headers, InputStream body) {
        Agent agent = registry.find(name).orElse(null);
        if (agent == null) {
            return ApiError.of(404, "unknown agent '" + shorten(name) + "'; see GET /api/agents");
        }
        String message;
        try {
            message = RunRequest.read(body, headers.getLength()).message();
        } catch (BoundedBody.TooLargeException e) {
            BoundedBody.discardRest(body, headers.getLength(), RunRequest.MAX_BODY);
            return ApiError.of(413, e.getMessage());
        } catch (IllegalArgumentException e) {
            return ApiError.of(400, e.getMessage());
        } catch (IOException e) {
            // the client went away (or broke the body) while sending it: a client error, not the server's
            ABORTS.log("POST /api/agents/{name}/run body incomplete (" + e.getClass().getSimpleName() + ")");
            return ApiError.of(400, "request body incomplete");
        }
        TraceContext context = tracer.currentContext();
        String traceId = context.isValid() ? context.traceId() : null;
        try {
            String output = agent.run(message);
            JsonObjectBuilder reply = SampleJson.PROVIDER.createObjectBuilder().add("agent", agent.name())
                    .add("output", output);
            if (traceId != null) {
                // the request's span: what POST /api/tracing/feedback refers to
                reply.add("traceId", traceId).add("spanId", context.spanId());
            } else {
                reply.addNull("traceId");
            }
            return Response.ok(reply.build().toString()).build();
        } catch (GuardrailException e) {
            return ApiError.of(422, "agent '" + agent.name() + "' refused the message: " + e.getMessage(), traceId);
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, () -> "Agent '" + agent.name() + "' failed: " + e);
            return ApiError.of(500, "agent '" + agent.name() + "' failed: " + e.getMessage(), traceId);
        }
    }

    private static String shorten(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "…" : value;
    }
}
