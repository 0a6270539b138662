package ai.automagik.sample;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Anything unexpected: a 500 JSON body for the client, the details in the server log only. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException exception) {
        LOG.log(Level.WARNING, "Unexpected error in the sample API", exception);
        return ApiError.of(500, "internal error: " + exception.getClass().getSimpleName());
    }
}
