package ai.automagik.sample;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Framework errors (unknown path 404, wrong method 405, unsupported media type 415…) as JSON, no stack trace. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original == null ? 500 : original.getStatus();
        String reason = original == null || original.getStatusInfo() == null ? "error"
                : original.getStatusInfo().getReasonPhrase();
        Response json = ApiError.of(status, reason);
        if (original != null && status == 405 && original.getHeaderString("Allow") != null) {
            return Response.fromResponse(json).header("Allow", original.getHeaderString("Allow")).build();
        }
        return json;
    }
}
