package ai.automagik.sample;

import ai.automagik.tracing.jaxrs.TracingAdminResource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The reference deployment's one operator: user {@code admin} in the role {@code tracing-admin}, with the
 * password from {@code AUTOMAGIK_ADMIN_PASSWORD}; when that is unset, a random password is generated
 * and logged once at start-up. A {@code viewer} without the role exists only when
 * {@code automagik.viewer.password} is set. Standard Jakarta Security, nothing server-specific.
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    static final String USER = "admin";
    /** An authenticated user without the admin role, only when {@code automagik.viewer.password} is set. */
    static final String VIEWER = "viewer";
    private static final Logger LOG = Logger.getLogger(AdminIdentityStore.class.getName());

    private byte[] password;
    private byte[] viewerPassword;

    /** Creates the store at start-up, so a generated password is logged before anyone needs it. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // calling any method on the proxy instantiates the bean
        toString();
    }

    @PostConstruct
    void init() {
        String configured = ConfigProvider.getConfig().getOptionalValue("automagik.admin.password", String.class)
                .filter(p -> !p.isBlank()).orElse(null);
        if (configured == null) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            configured = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            LOG.warning("AUTOMAGIK_ADMIN_PASSWORD is not set; generated the admin password for this run: " + configured);
        }
        password = configured.getBytes(StandardCharsets.UTF_8);
        viewerPassword = ConfigProvider.getConfig().getOptionalValue("automagik.viewer.password", String.class)
                .filter(p -> !p.isBlank()).map(p -> p.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login && USER.equals(login.getCaller())
                && MessageDigest.isEqual(password, login.getPasswordAsString().getBytes(StandardCharsets.UTF_8))) {
            return new CredentialValidationResult(USER, Set.of(TracingAdminResource.ROLE));
        }
        if (viewerPassword != null && credential instanceof UsernamePasswordCredential login
                && VIEWER.equals(login.getCaller())
                && MessageDigest.isEqual(viewerPassword, login.getPasswordAsString().getBytes(StandardCharsets.UTF_8))) {
            return new CredentialValidationResult(VIEWER, Set.of());
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
