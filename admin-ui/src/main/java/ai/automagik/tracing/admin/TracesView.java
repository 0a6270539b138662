package ai.automagik.tracing.admin;

import ai.automagik.tracing.admin.TraceTree.Node;
import ai.automagik.tracing.diagnostics.RecentSpan;
import ai.automagik.tracing.diagnostics.TracingDiagnostics;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.router.PageTitle;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The last traces the sampler kept, each as a tree (agent → LLM → tools) with durations, tokens and errors. */
@CdiComponent
@PageTitle("Automagik Tracing · Recent traces")
@RolesAllowed(AdminView.ROLE)
public class TracesView extends LiveView {

    private static final long serialVersionUID = 1L;

    private final transient TracingDiagnostics tracing;
    private final Paragraph empty = new Paragraph();
    private final TreeGrid<Node> grid = new TreeGrid<>();
    private String newestShown;
    private boolean shownOnce;

    @Inject
    public TracesView(TracingDiagnostics diagnostics) {
        this.tracing = diagnostics;
        add(new H2("Recent traces"));
        empty.setId("traces-empty");
        grid.setId("traces-grid");
        grid.addHierarchyColumn(n -> n.span().name()).setHeader("Span").setFlexGrow(2).setAutoWidth(true);
        grid.addColumn(n -> Formats.nanos(n.durationNanos())).setHeader("Duration").setAutoWidth(true);
        grid.addColumn(n -> n.tokens() == null ? "" : Formats.count(n.tokens())).setHeader("Tokens").setAutoWidth(true);
        grid.addComponentColumn(TracesView::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(n -> Instant.ofEpochSecond(0, n.span().startEpochNanos()).toString()).setHeader("Started")
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(empty, grid);
    }

    private static Span status(Node node) {
        RecentSpan span = node.span();
        if (!span.error()) {
            return new Badge("ok", Badge.Tone.GOOD);
        }
        Badge error = new Badge("error", Badge.Tone.BAD);
        if (span.statusMessage() != null) {
            error.getElement().setAttribute("title", span.statusMessage());
            error.setText("error: " + span.statusMessage());
        }
        return error;
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
