package ai.automagik.tracing.admin;

import ai.automagik.tracing.diagnostics.ConfigurationEntry;
import ai.automagik.tracing.diagnostics.TracingDiagnostics;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/** Every setting with its effective value and where it came from; secrets are masked before they get here. */
@CdiComponent
@PageTitle("Automagik Tracing · Configuration")
@RolesAllowed(AdminView.ROLE)
public class ConfigurationView extends VerticalLayout implements AdminView {

    private static final long serialVersionUID = 1L;

    @Inject
    public ConfigurationView(TracingDiagnostics diagnostics) {
        setMaxWidth("1200px");
        add(new H2("Configuration"));
        add(new Paragraph("Effective settings, read once at start-up. Source: environment variable, system property, "
                + "microprofile-config.properties, or the default. Secret values are masked."));
        Grid<ConfigurationEntry> grid = new Grid<>();
        grid.setId("config-grid");
        grid.addColumn(ConfigurationEntry::property).setHeader("Setting").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ConfigurationEntry::environmentVariable).setHeader("Environment variable").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> e.value() == null ? "(unset)" : e.value()).setHeader("Value").setWidth("18em").setFlexGrow(1);
        grid.addColumn(ConfigurationEntry::source).setHeader("Source").setWidth("14em").setFlexGrow(1);
        grid.addColumn(e -> e.secret() ? "secret" : "").setHeader("").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.TextRenderer<>(ConfigurationEntry::description));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(diagnostics.configuration());
        grid.setAllRowsVisible(true);
        add(grid);
    }
}
