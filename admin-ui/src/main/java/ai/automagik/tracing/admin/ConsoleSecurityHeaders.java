package ai.automagik.tracing.admin;

import com.vaadin.flow.server.RequestHandler;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;

/**
 * Sets the headers that keep the console's pages out of other sites' frames and scripts: on every
 * request Vaadin answers, before it answers it (the console's pages and login, and also any other path the
 * Vaadin servlet is mapped to, where it serves the same page with a "not found" view).
 * Vaadin Flow needs inline and evaluated scripts and inline styles; everything must come from the
 * console's own origin, and nothing may frame it.
 */
final class ConsoleSecurityHeaders implements RequestHandler {

    private static final long serialVersionUID = 1L;

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public boolean handleRequest(VaadinSession session, VaadinRequest request, VaadinResponse response) {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        return false;
    }
}
