package ai.automagik.sample;

import com.vaadin.cdi.CdiVaadinServlet;
import jakarta.servlet.annotation.WebServlet;

/**
 * Vaadin with CDI at the context root, where the admin console's views live ({@code /tracing-admin}).
 * Declared explicitly: left to auto-deployment, Flow's plain servlet can win over the CDI one, and
 * then the console's views get no injection. {@code /api/*}, {@code /health/*} and the embedded OTLP
 * receiver keep their more specific mappings.
 */
@WebServlet(urlPatterns = "/*", asyncSupported = true, name = "console")
public class ConsoleServlet extends CdiVaadinServlet {

    private static final long serialVersionUID = 1L;
}
