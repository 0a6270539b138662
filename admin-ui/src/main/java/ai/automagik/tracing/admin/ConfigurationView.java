package ai.automagik.tracing.admin;

import ai.automagik.tracing.diagnostics.ConfigurationEntry;
import ai.automagik.tracing.diagnostics.TracingDiagnostics;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.TextRenderer;
import com.vaadin.flow.router.PageTitle;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/**
 * Every setting with its effective value and where it came from; secrets are masked before they get here. On a
 * wide screen a table (setting, value, source); on a narrow one each setting with its value and source in one
 * column. Long values (URLs, paths) wrap rather than being cut; a row's description opens on a tap.
 */
@CdiComponent
@PageTitle("Automagik Tracing · Configuration")
@RolesAllowed(AdminView.ROLE)
public class ConfigurationView extends VerticalLayout implements AdminView {

    private static final long serialVersionUID = 1L;

    private final Grid<ConfigurationEntry> grid = new Grid<>();
    private final Grid.Column<ConfigurationEntry> valueColumn;
    private final Grid.Column<ConfigurationEntry> sourceColumn;
    private final ClientWindow window;

    @Inject
    public ConfigurationView(TracingDiagnostics diagnostics) {
        setMaxWidth("1200px");
        add(new H2("Configuration"));
        add(new Paragraph("Effective settings, read once at start-up. Source: environment variable, system property, "
                + "microprofile-config.properties, or the default. Secret values are masked. Tap a setting for "
                + "what it does."));
        grid.setId("config-grid");
        grid.addComponentColumn(this::setting).setHeader("Setting").setFlexGrow(3).setKey("setting");
        valueColumn = grid.addComponentColumn(e -> new WrappingText(value(e), "config-value")).setHeader("Value")
                .setFlexGrow(3).setKey("value");
        sourceColumn = grid.addComponentColumn(e -> new WrappingText(e.source(), "config-source")).setHeader("Source")
                .setFlexGrow(1).setKey("source");
        grid.setItemDetailsRenderer(new TextRenderer<>(ConfigurationEntry::description));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(diagnostics.configuration());
        grid.setAllRowsVisible(true);
        add(grid);
        window = new ClientWindow(this, (zone, narrow) -> layOut(narrow));
    }

    private void layOut(boolean narrow) {
        valueColumn.setVisible(!narrow);
        sourceColumn.setVisible(!narrow);
        grid.getDataProvider().refreshAll();
    }

    /** The environment variable and the property; on a narrow screen the value and source below them. */
    private Div setting(ConfigurationEntry entry) {
        Div cell = new Div();
        WrappingText variable = new WrappingText(entry.environmentVariable(), "config-variable");
        variable.getStyle().set("font-weight", "600");
        Span property = new WrappingText(entry.property() + (entry.secret() ? " · secret" : ""), "config-property");
        property.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        cell.add(block(variable), block(property));
        if (window.narrow()) {
            Span value = new WrappingText(value(entry), "config-value");
            value.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
            Span source = new WrappingText("from " + entry.source(), "config-source");
            source.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
            cell.add(block(value), block(source));
        }
        return cell;
    }

    private static String value(ConfigurationEntry entry) {
        return entry.value() == null ? "(unset)" : entry.value();
    }

    private static Div block(Span content) {
        Div line = new Div(content);
        line.getStyle().set("min-width", "0");
        return line;
    }
}
