package ai.automagik.sample;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Every error of the sample API is a small JSON body: {@code {"status":404,"error":"…"}}. */
final class ApiError {

    private ApiError() {
    }

    static Response of(int status, String message) {
        return of(status, message, null);
    }

    static Response of(int status, String message, String traceId) {
        JsonObjectBuilder body = SampleJson.PROVIDER.createObjectBuilder().add("status", status).add("error", message);
        if (traceId != null) {
            body.add("traceId", traceId);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.build().toString()).build();
    }
}
