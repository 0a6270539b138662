package ai.automagik.tracing.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Refuses state-changing requests ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) that a browser sent
 * on another site's behalf: a browser that once answered the API's Basic challenge sends those credentials
 * with every later request to it, also with a form another site posts. Browsers say where a request comes
 * from: {@code Sec-Fetch-Site} other than {@code same-origin} or {@code none} (typed or bookmarked), or an
 * {@code Origin} other than the request's own, is a 403 before the request is authorised. Scripts and tools
 * send neither header and are not affected.
 */
@Provider
@SameOriginOnly
@Priority(Priorities.AUTHENTICATION - 100)
public class CrossSiteRequestFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        if (fetchSite != null && !OWN_SITE.contains(fetchSite.strip().toLowerCase(Locale.ROOT))) {
            refuse(request, "cross-site request refused (Sec-Fetch-Site: " + shown(fetchSite) + ")");
            return;
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !sameOrigin(origin.strip(), request.getUriInfo().getRequestUri())) {
            refuse(request, "cross-site request refused (Origin: " + shown(origin) + ")");
        }
    }

    /** Scheme, host and port of {@code origin} equal the request's; {@code null} (privacy-sensitive contexts) is not. */
    static boolean sameOrigin(String origin, URI request) {
        try {
            URI from = URI.create(origin);
            return from.getScheme() != null && from.getHost() != null
                    && from.getScheme().equalsIgnoreCase(request.getScheme())
                    && from.getHost().equalsIgnoreCase(request.getHost())
                    && port(from) == port(request);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static void refuse(ContainerRequestContext request, String reason) {
        request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", reason)).build());
    }

    private static String shown(String value) {
        String cut = value.length() > 100 ? value.substring(0, 100) : value;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
