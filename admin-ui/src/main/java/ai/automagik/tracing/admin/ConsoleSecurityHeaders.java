package ai.automagik.tracing.admin;

import com.vaadin.flow.server.RequestHandler;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;

/**
 * Sets the headers that keep the console's pages out of other sites' frames and scripts: on every
 * Vaadin request for a path under the console (its pages, login included), before Vaadin answers it.
 * Vaadin Flow needs inline and evaluated scripts and inline styles; everything must come from the
 * console's own origin, and nothing may frame it.
 */
final class ConsoleSecurityHeaders implements RequestHandler {

    private static final long serialVersionUID = 1L;

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private final String base;

    ConsoleSecurityHeaders(AdminPath path) {
        this.base = "/" + path.dashboard();
    }

    @Override
    public boolean handleRequest(VaadinSession session, VaadinRequest request, VaadinResponse response) {
        String path = request.getPathInfo();
        if (path != null && (path.equals(base) || path.startsWith(base + "/"))) {
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "same-origin");
        }
        return false;
    }
}
