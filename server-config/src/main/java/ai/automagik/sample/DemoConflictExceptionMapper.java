package ai.automagik.sample;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps {@link DemoConflictException} to a 409 JSON error. */
@Provider
public class DemoConflictExceptionMapper implements ExceptionMapper<DemoConflictException> {

    @Override
    public Response toResponse(DemoConflictException exception) {
        return ApiError.of(409, exception.getMessage());
    }
}
