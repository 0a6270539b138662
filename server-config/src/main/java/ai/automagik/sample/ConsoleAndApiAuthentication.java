package ai.automagik.sample;

import ai.automagik.tracing.admin.AdminPath;
import ai.automagik.tracing.admin.LoginView;
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
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
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
 * Wrong passwords are logged with user and address and throttled per user and address
 * ({@link LoginThrottle}): while a pair is blocked the API answers 429 with {@code Retry-After} and
 * the console's login view says when to try again, and no password is checked.
 */
@ApplicationScoped
@DeclareRoles(TracingAdminResource.ROLE)
public class ConsoleAndApiAuthentication implements HttpAuthenticationMechanism {

    static final String REALM = "automagik-tracing";
    private static final String SESSION_CALLER = ConsoleAndApiAuthentication.class.getName() + ".caller";
    private static final String CHECKED = ConsoleAndApiAuthentication.class.getName() + ".checked";
    private static final Logger LOG = Logger.getLogger(ConsoleAndApiAuthentication.class.getName());

    /** What the session remembers of a console login. */
    record SessionCaller(String name, Set<String> groups) implements Serializable {
    }

    @Inject
    IdentityStoreHandler identityStores;

    private final LoginThrottle throttle = new LoginThrottle();

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        boolean api = isApi(request);
        if (context.isAuthenticationRequest() && context.getAuthParameters().getCredential() != null) {
            // the console's login form; on failure the view shows the error, so the response stays untouched
            Attempt attempt = attempt(context.getAuthParameters().getCredential(), request, "console");
            if (!attempt.valid()) {
                if (!attempt.refusedFor().isZero()) {
                    request.setAttribute(LoginView.RETRY_AFTER_ATTRIBUTE, seconds(attempt.refusedFor()));
                }
                return AuthenticationStatus.SEND_FAILURE;
            }
            CredentialValidationResult result = attempt.result();
            if (request.getSession(false) != null) {
                // a new session id for every login, so an id known before it is worth nothing (session fixation)
                request.changeSessionId();
            }
            request.getSession(true).setAttribute(SESSION_CALLER,
                    new SessionCaller(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
            return context.notifyContainerAboutLogin(result);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            Credential credential = basicCredential(authorization.substring(6).trim());
            if (credential == null) {
                return challenge(response, context);
            }
            Attempt attempt = attempt(credential, request, "API");
            if (attempt.valid()) {
                return context.notifyContainerAboutLogin(attempt.result());
            }
            return attempt.refusedFor().isZero() ? challenge(response, context)
                    : tooManyAttempts(response, attempt.refusedFor());
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

    /** A login attempt's outcome: the check's result, and how long the pair is refused (zero when it is not). */
    private record Attempt(CredentialValidationResult result, Duration refusedFor) {
        boolean valid() {
            return result.getStatus() == CredentialValidationResult.Status.VALID;
        }
    }

    /** A blocked pair is refused without checking the password; otherwise the password is checked. */
    private Attempt attempt(Credential credential, HttpServletRequest request, String way) {
        Duration wait = throttle.retryAfter(callerName(credential), request.getRemoteAddr());
        if (!wait.isZero()) {
            return new Attempt(CredentialValidationResult.INVALID_RESULT, wait);
        }
        CredentialValidationResult result = validate(credential, request, way);
        return new Attempt(result, result.getStatus() == CredentialValidationResult.Status.VALID ? Duration.ZERO
                : throttle.retryAfter(callerName(credential), request.getRemoteAddr()));
    }

    /**
     * Checks a password, counting and logging a wrong one (user and address, never the password). Once
     * per request: a server may call the mechanism again for the same request after a failure.
     */
    private CredentialValidationResult validate(Credential credential, HttpServletRequest request, String way) {
        if (request.getAttribute(CHECKED) instanceof CredentialValidationResult checked) {
            return checked;
        }
        CredentialValidationResult result = identityStores.validate(credential);
        request.setAttribute(CHECKED, result);
        String user = callerName(credential);
        String address = request.getRemoteAddr();
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            throttle.succeeded(user, address);
            return result;
        }
        int failures = throttle.failed(user, address);
        Duration block = LoginThrottle.block(failures);
        LOG.warning(() -> "Failed " + way + " login for user '" + LoginThrottle.shown(user) + "' from " + address + " ("
                + failures + (failures == 1 ? " failure" : " consecutive failures")
                + (block.isZero() ? ")" : "; further attempts from there refused for " + seconds(block) + " s)"));
        return result;
    }

    private static String callerName(Credential credential) {
        return credential instanceof UsernamePasswordCredential login ? login.getCaller() : "";
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** 429 with Retry-After, committed at once: on SEND_FAILURE a server may otherwise turn the status into 401. */
    private static AuthenticationStatus tooManyAttempts(HttpServletResponse response, Duration wait) {
        if (!response.isCommitted()) {
            try {
                response.setStatus(429);
                response.setHeader("Retry-After", Long.toString(seconds(wait)));
                response.setContentType("application/json");
                response.getWriter().write("{\"status\":429,\"error\":\"too many failed logins; retry after "
                        + seconds(wait) + " s\"}");
                response.flushBuffer();
            } catch (java.io.IOException e) {
                LOG.log(Level.FINE, "could not answer 429", e);
            }
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static String consoleLoginPath() {
        return new AdminPath(ConfigProvider.getConfig().getOptionalValue(AdminPath.KEY, String.class)
                .orElse(AdminPath.DEFAULT)).login();
    }

    /** Paths for scripts and tools (the REST API, the embedded receiver): 401 with a challenge, no login page. */
    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/otlp/");
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
