package ai.automagik.sample;

import ai.automagik.tracing.jaxrs.TracingAdminResource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/** HTTP Basic for the admin API; resources without security annotations stay open. */
@ApplicationScoped
@DeclareRoles(TracingAdminResource.ROLE)
@BasicAuthenticationMechanismDefinition(realmName = "automagik-tracing")
public class SecurityConfiguration {
}
