package ai.automagik.tracing.jaxrs;

import ai.automagik.tracing.Tracer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.Map;

/**
 * Users' feedback on answers, under the application's JAX-RS path ({@code /api/tracing/feedback}): any authenticated
 * caller (not only the admin role) may send it; an anonymous one gets 401. It becomes the GenAI conventions'
 * {@code gen_ai.evaluation.result} ({@code user_feedback}) linked to the answer, exported with the traces; who gave
 * it is not recorded. Changes a browser sends on another site's behalf are refused ({@link CrossSiteRequestFilter}).
 */
@Path("tracing/feedback")
@SameOriginOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TracingFeedbackResource {

    @Inject
    Tracer tracer;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response feedback(String body) {
        if (security == null || security.getUserPrincipal() == null) {
            return Response.status(Response.Status.UNAUTHORIZED).entity(Map.of("error", "sign in to give feedback"))
                    .build();
        }
        UserFeedback feedback;
        try {
            feedback = UserFeedback.parse(body);
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", e.getMessage())).build();
        }
        if (feedback.span() != null) {
            tracer.recordEvaluation(feedback.span(), feedback.evaluation());
        } else {
            tracer.recordEvaluation(feedback.responseId(), feedback.evaluation());
        }
        return Response.accepted(Map.of("recorded", feedback.evaluation().name())).build();
    }
}
