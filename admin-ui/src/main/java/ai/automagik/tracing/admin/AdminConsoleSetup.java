package ai.automagik.tracing.admin;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Registers the console's views under the configured path when Vaadin starts, and guards them. The
 * guard applies to the console's views only, so an application's own Vaadin views keep their rules.
 */
@ApplicationScoped
public class AdminConsoleSetup {

    private static final Logger LOG = Logger.getLogger(AdminConsoleSetup.class.getName());

    private volatile AdminPath path;

    /** Reads the path when the application starts, so an invalid one fails the deployment naming the key. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        path();
    }

    void onServiceInit(@Observes ServiceInitEvent event) {
        AdminPath configured = path();
        RouteConfiguration routes = RouteConfiguration.forRegistry(
                ApplicationRouteRegistry.getInstance(event.getSource().getContext()));
        routes.setRoute(configured.dashboard(), DashboardView.class, AdminLayout.class);
        routes.setRoute(configured.privacy(), PrivacyView.class, AdminLayout.class);
        routes.setRoute(configured.configuration(), ConfigurationView.class, AdminLayout.class);
        routes.setRoute(configured.traces(), TracesView.class, AdminLayout.class);
        routes.setRoute(configured.login(), LoginView.class);
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(new AdminAccessGuard()));
        event.addRequestHandler(new ConsoleSecurityHeaders());
        LOG.info(() -> "Automagik Tracing admin console at /" + configured.dashboard());
    }

    public AdminPath path() {
        AdminPath current = path;
        if (current == null) {
            String value = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader())
                    .getOptionalValue(AdminPath.KEY, String.class).orElse(AdminPath.DEFAULT);
            current = new AdminPath(value);
            path = current;
        }
        return current;
    }
}
