package ai.automagik.tracing.admin;

import ai.automagik.tracing.admin.TraceTree.Node;
import ai.automagik.tracing.diagnostics.RecentSpan;
import ai.automagik.tracing.diagnostics.TracingDiagnostics;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The last traces the sampler kept, each as a tree (agent → LLM → tools) with durations, tokens, status and start
 * times in the browser's zone. On a narrow screen the tree and each span's status stay; duration, tokens, start
 * and the error open on a tap.
 */
@CdiComponent
@PageTitle("Automagik Tracing · Recent traces")
@RolesAllowed(AdminView.ROLE)
public class TracesView extends LiveView {

    private static final long serialVersionUID = 1L;

    private final transient TracingDiagnostics tracing;
    private final Paragraph empty = new Paragraph();
    private final TreeGrid<Node> grid = new TreeGrid<>();
    private final List<Grid.Column<Node>> wideOnly = new ArrayList<>();
    private final ClientWindow window;
    private String newestShown;
    private boolean shownOnce;

    @Inject
    public TracesView(TracingDiagnostics diagnostics) {
        this.tracing = diagnostics;
        add(new H2("Recent traces"));
        empty.setId("traces-empty");
        grid.setId("traces-grid");
        grid.addComponentHierarchyColumn(n -> new WrappingText(n.span().name(), "span-name"))
                .setHeader("Span").setFlexGrow(3).setKey("span");
        wideOnly.add(grid.addColumn(n -> Formats.nanos(n.durationNanos())).setHeader("Duration").setAutoWidth(true)
                .setFlexGrow(0).setKey("duration"));
        wideOnly.add(grid.addColumn(n -> n.tokens() == null ? "" : Formats.count(n.tokens())).setHeader("Tokens")
                .setAutoWidth(true).setFlexGrow(0).setKey("tokens"));
        Grid.Column<Node> statusColumn = grid.addComponentColumn(this::status).setHeader("Status").setFlexGrow(2)
                .setWidth("10em").setKey("status");
        wideOnly.add(grid.addColumn(n -> started(n)).setHeader("Started").setAutoWidth(true).setFlexGrow(0)
                .setKey("started"));
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        add(empty, grid);
        window = new ClientWindow(this, (zone, narrow) -> {
            wideOnly.forEach(column -> column.setVisible(!narrow));
            // a phone's status is its badge alone: the span names get the width
            statusColumn.setFlexGrow(narrow ? 0 : 2).setWidth(narrow ? "5.5em" : "10em");
            grid.getDataProvider().refreshAll();
        });
    }

    private String started(Node node) {
        return Formats.time(Instant.ofEpochSecond(0, node.span().startEpochNanos()), window.zone(), Instant.now());
    }

    /** A badge, and on a wide screen the error message beside it (wrapping); on a narrow one it opens on a tap. */
    private Div status(Node node) {
        RecentSpan span = node.span();
        Div cell = new Div();
        cell.addClassName("span-status");
        if (!span.error()) {
            cell.add(new Badge("ok", Badge.Tone.GOOD));
            return cell;
        }
        cell.add(new Badge("error", Badge.Tone.BAD));
        if (span.statusMessage() != null) {
            cell.getElement().setAttribute("title", span.statusMessage());
            if (!window.narrow()) {
                Span message = new WrappingText(" " + span.statusMessage(), "span-error");
                message.getStyle().set("margin-left", "var(--lumo-space-xs)");
                cell.add(message);
            }
        }
        return cell;
    }

    private Div details(Node node) {
        RecentSpan span = node.span();
        Div details = new Div();
        details.addClassName("span-details");
        details.getStyle().set("font-size", "var(--lumo-font-size-s)");
        StringBuilder line = new StringBuilder(Formats.nanos(node.durationNanos()));
        if (node.tokens() != null) {
            line.append(" · ").append(Formats.count(node.tokens())).append(" tokens");
        }
        line.append(" · started ").append(started(node));
        details.add(new Div(new WrappingText(line.toString(), "span-timing")));
        if (span.statusMessage() != null) {
            details.add(new Div(new WrappingText(span.statusMessage(), "span-error")));
        }
        return details;
    }

    @Override
    protected void refresh() {
        List<List<RecentSpan>> traces = tracing.recentTraces();
        String newest = traces.isEmpty() ? null : key(traces.get(0));
        if (shownOnce && java.util.Objects.equals(newest, newestShown)) {
            return; // nothing new; keep what the operator expanded
        }
        shownOnce = true;
        newestShown = newest;
        if (traces.isEmpty()) {
            empty.setText(tracing.observabilityConfigured()
                    ? "No trace has been sampled yet. Errors and slow runs are always kept; others at the sampling rate."
                    : "Observability is not configured: set LANGWATCH_API_KEY or AUTOMAGIK_OTLP_ENDPOINT to record "
                            + "detailed traces of agent runs.");
            empty.setVisible(true);
            grid.setVisible(false);
            return;
        }
        empty.setVisible(false);
        grid.setVisible(true);
        TreeData<Node> data = new TreeData<>();
        List<Node> roots = new ArrayList<>();
        for (List<RecentSpan> trace : traces) {
            for (Node root : TraceTree.build(trace)) {
                roots.add(root);
                data.addItem(null, root);
                addChildren(data, root);
            }
        }
        grid.setDataProvider(new TreeDataProvider<>(data));
        grid.expandRecursively(roots, 5);
    }

    /** Identifies a trace as shown: its root (the last span to end) by trace and span id. */
    private static String key(List<RecentSpan> trace) {
        RecentSpan root = trace.get(trace.size() - 1);
        return root.traceId() + "/" + root.spanId();
    }

    private static void addChildren(TreeData<Node> data, Node parent) {
        for (Node child : parent.children()) {
            data.addItem(parent, child);
            addChildren(data, child);
        }
    }
}
