package ai.automagik.sample;

import ai.automagik.tracing.admin.AdminPath;
import ai.automagik.tracing.jaxrs.TracingAdminResource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * One mechanism for both kinds of caller (Jakarta Security allows one per application):
 * <ul>
 * <li>scripts call {@code /api/*} with HTTP Basic, statelessly; a browser session does not count there,
 * so another site cannot make a signed-in browser call the API;</li>
 * <li>the admin console's login view authenticates through {@code SecurityContext.authenticate}; the
 * caller is then kept in the HTTP session until logout invalidates it.</li>
 * </ul>
 * A protected page without a caller redirects to the console's login view; a protected API answers 401.
 */
@ApplicationScoped
@DeclareRoles(TracingAdminResource.ROLE)
public class ConsoleAndApiAuthentication implements HttpAuthenticationMechanism {

    static final String REALM = "automagik-tracing";
    private static final String SESSION_CALLER = ConsoleAndApiAuthentication.class.getName() + ".caller";

    /** What the session remembers of a console login. */
    record SessionCaller(String name, Set<String> groups) implements Serializable {
    }

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        boolean api = isApi(request);
        if (context.isAuthenticationRequest() && context.getAuthParameters().getCredential() != null) {
            // the console's login form; on failure the view shows the error, so the response stays untouched
            CredentialValidationResult result = identityStores.validate(context.getAuthParameters().getCredential());
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            request.getSession(true).setAttribute(SESSION_CALLER,
                    new SessionCaller(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
            return context.notifyContainerAboutLogin(result);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            Credential credential = basicCredential(authorization.substring(6).trim());
            CredentialValidationResult result = credential == null ? CredentialValidationResult.INVALID_RESULT
                    : identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            return challenge(response, context);
        }
        if (!api) {
            HttpSession session = request.getSession(false);
            Object remembered = session == null ? null : session.getAttribute(SESSION_CALLER);
            if (remembered instanceof SessionCaller caller) {
                return context.notifyContainerAboutLogin(caller.name(), caller.groups());
            }
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (api) {
            return challenge(response, context);
        }
        return context.redirect(request.getContextPath() + "/" + consoleLoginPath());
    }

    private static String consoleLoginPath() {
        return new AdminPath(ConfigProvider.getConfig().getOptionalValue(AdminPath.KEY, String.class)
                .orElse(AdminPath.DEFAULT)).login();
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.equals("/api");
    }

    private static AuthenticationStatus challenge(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        return context.responseUnauthorized();
    }

    private static Credential basicCredential(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
