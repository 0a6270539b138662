package ai.automagik.tracing.admin;

import ai.automagik.tracing.MetricsSnapshot;
import ai.automagik.tracing.PipelineMetrics;
import ai.automagik.tracing.ProviderMetrics;
import ai.automagik.tracing.admin.Badge.Tone;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.diagnostics.TestEventStatus;
import ai.automagik.tracing.diagnostics.ModelCost;
import ai.automagik.tracing.diagnostics.TracingDiagnostics;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.PageTitle;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The pipeline at a glance, live: state, counters, providers and their circuits, sampling, throughput, test event. */
@CdiComponent
@PageTitle("Automagik Tracing · Dashboard")
@RolesAllowed(AdminView.ROLE)
public class DashboardView extends LiveView {

    private static final long serialVersionUID = 1L;
    private static final String[] COUNTERS = {"queued", "processed", "dropped", "failed", "queueSize", "inFlight",
        "batches"};

    private final transient TracingManager tracing;
    private final transient TracingDiagnostics diagnostics;
    private final transient ThroughputHistory history;

    private final Badge telemetryState = new Badge("", Tone.NEUTRAL);
    private final Span telemetryReason = new Span();
    private final Span endpoint = new Span();
    private final Span anonymousId = new Span();
    private final Div alert = new Div();
    private final Map<String, Span> counters = new LinkedHashMap<>();
    private final Span balance = new Span();
    private final Div reasons = new Div();
    private final Div providers = new Div();
    private final Div sampling = new Div();
    private final Div costs = new Div();
    private final Div chart = new Div();
    private final Span testEventStatus = new Span();
    private String testEventId;

    @Inject
    public DashboardView(TracingManager tracing, TracingDiagnostics diagnostics, ThroughputHistory history) {
        this.tracing = tracing;
        this.diagnostics = diagnostics;
        this.history = history;
        add(new H2("Dashboard"));

        telemetryState.setId("telemetry-state");
        telemetryReason.setId("telemetry-reason");
        endpoint.setId("telemetry-endpoint");
        anonymousId.setId("anonymous-id");
        add(row("Telemetry", telemetryState, telemetryReason), row("Endpoint", endpoint),
                row("Anonymous id", anonymousId));

        alert.setId("dashboard-alert");
        alert.setWidthFull();
        alert.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", "var(--lumo-error-color-10pct)").set("color", "var(--lumo-error-text-color)");
        add(alert);

        add(new H3("Telemetry pipeline"));
        FlexLayout cards = new FlexLayout();
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-s)");
        for (String name : COUNTERS) {
            Span value = new Span("0");
            value.setId("metric-" + name);
            value.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
            Div card = new Div(value, new Div(label(name)));
            card.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("min-width", "7.5em")
                    .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)");
            counters.put(name, value);
            cards.add(card);
        }
        balance.setId("metric-balance");
        reasons.setId("metric-reasons");
        add(cards, balance, reasons);

        Button test = new Button("Send test event", click -> sendTestEvent());
        test.setId("send-test-event");
        test.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        testEventStatus.setId("test-event-status");
        HorizontalLayout testRow = new HorizontalLayout(test, testEventStatus);
        testRow.setAlignItems(Alignment.CENTER);
        add(testRow);

        add(new H3("Telemetry throughput (events per second, last 5 minutes)"));
        chart.setId("throughput-chart");
        chart.setWidthFull();
        add(chart, new Paragraph("Green: delivered. Red: dropped or failed."));

        add(new H3("Destinations"));
        providers.setId("providers");
        providers.setWidthFull();
        add(providers);

        add(new H3("Sampling decisions"));
        sampling.setId("sampling");
        add(sampling);

        add(new H3("Model cost"));
        costs.setId("model-costs");
        costs.setWidthFull();
        add(costs);
    }

    private static String label(String counter) {
        return switch (counter) {
            case "queueSize" -> "queue size";
            case "inFlight" -> "in flight";
            default -> counter;
        };
    }

    private static HorizontalLayout row(String label, com.vaadin.flow.component.Component... values) {
        Span name = new Span(label);
        name.getStyle().set("min-width", "8em").set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout row = new HorizontalLayout(name);
        row.add(values);
        row.setAlignItems(Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        return row;
    }

    private void sendTestEvent() {
        testEventId = tracing.sendTestEvent();
        showTestEvent();
    }

    @Override
    protected void refresh() {
        MetricsSnapshot m = tracing.metrics();
        Instant now = m.takenAt();
        history.record(now, m.tracer());

        telemetryState.set(m.telemetryEnabled() ? "ON" : "OFF", m.telemetryEnabled() ? Tone.GOOD : Tone.NEUTRAL);
        telemetryReason.setText(m.telemetryEnabled() ? "sending anonymous usage telemetry"
                : "off because of: " + m.telemetryDisabledReason());
        endpoint.setText(m.telemetryEndpoint());
        anonymousId.setText(m.anonymousId() == null ? "none yet (created when telemetry first runs)" : m.anonymousId());

        PipelineMetrics t = m.tracer();
        long[] values = {t.queued(), t.processed(), t.dropped(), t.failed(), t.queueSize(), t.inFlight(), t.batches()};
        for (int i = 0; i < COUNTERS.length; i++) {
            counters.get(COUNTERS[i]).setText(Formats.count(values[i]));
        }
        balance.setText(t.balanced() ? "Every event is accounted for: queued = processed + dropped + failed + queue size + in flight."
                : "Events are settling (queued ≠ processed + dropped + failed + queue size + in flight for a moment).");
        reasons.removeAll();
        t.droppedByReason().forEach((reason, count) -> reasons.add(new Div(new Span("Dropped, " + reason + ": " + Formats.count(count)))));
        t.failedByReason().forEach((reason, count) -> reasons.add(new Div(new Span("Failed, " + reason + ": " + Formats.count(count)))));

        chart.removeAll();
        chart.add(new Html(ThroughputChart.html(history.rates(), now, ThroughputHistory.WINDOW)));

        showProviders(m, now);
        showSampling(m);
        showCosts();
        showAlert(m);
        if (testEventId != null) {
            showTestEvent();
        }
    }

    private void showProviders(MetricsSnapshot m, Instant now) {
        providers.removeAll();
        for (ProviderMetrics p : m.providers()) {
            Badge circuit = new Badge(p.circuitState(), Badge.forCircuit(p.circuitState()));
            circuit.setId("circuit-" + p.name());
            PipelineMetrics pm = p.pipeline();
            Div card = new Div();
            card.getElement().setAttribute("data-provider", p.name());
            card.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("margin-bottom", "var(--lumo-space-s)")
                    .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                    .set("overflow-wrap", "anywhere");
            Span name = new Span(p.name());
            name.getStyle().set("font-weight", "600").set("margin-right", "var(--lumo-space-s)");
            card.add(new Div(name, circuit, new Span("  since " + Formats.ago(p.circuitChangedAt(), now))));
            card.add(new Div(new Span(p.endpoint())));
            card.add(new Div(new Span("processed " + Formats.count(pm.processed()) + " · failed " + Formats.count(pm.failed())
                    + " · dropped " + Formats.count(pm.dropped()) + " · consecutive failures " + p.consecutiveFailures())));
            if (pm.lastError() != null) {
                Span error = new Span("Last error: " + pm.lastError() + " (" + Formats.ago(pm.lastErrorAt(), now) + ")");
                error.getStyle().set("color", "var(--lumo-error-text-color)");
                card.add(new Div(error));
            }
            providers.add(card);
        }
        if (m.providers().isEmpty()) {
            providers.add(new Paragraph("Nothing has been sent yet: destinations appear with their first event."));
        }
    }

    private void showSampling(MetricsSnapshot m) {
        sampling.removeAll();
        if (!m.observabilityEnabled()) {
            sampling.add(new Paragraph("Observability is off: no provider is configured (set LANGWATCH_API_KEY or "
                    + "AUTOMAGIK_OTLP_ENDPOINT) or tracing is switched off."));
        }
        if (m.sampling().values().stream().allMatch(v -> v == 0)) {
            sampling.add(new Paragraph("No traces have been sampled yet."));
            return;
        }
        m.sampling().forEach((reason, count) -> {
            Span line = new Span(reason + ": " + Formats.count(count));
            line.getElement().setAttribute("data-reason", reason);
            sampling.add(new Div(line));
        });
    }

    private void showCosts() {
        costs.removeAll();
        List<ModelCost> byModel = diagnostics.modelCosts();
        if (byModel.isEmpty()) {
            costs.add(new Paragraph("No model call has been priced yet (prices: " + diagnostics.priceTableVersion()
                    + "; a model missing from the table has no cost)."));
            return;
        }
        double total = byModel.stream().mapToDouble(ModelCost::usd).sum();
        Span sum = new Span("Total " + Formats.usd(total) + " (prices: " + diagnostics.priceTableVersion() + ")");
        sum.setId("model-cost-total");
        costs.add(new Div(sum));
        for (ModelCost cost : byModel) {
            Span line = new Span(cost.model() + (cost.agent().isEmpty() ? "" : " in " + cost.agent()) + ": "
                    + Formats.usd(cost.usd()) + " for " + Formats.count(cost.calls())
                    + (cost.calls() == 1 ? " call" : " calls"));
            line.getElement().setAttribute("data-model", cost.model());
            line.getElement().setAttribute("data-agent", cost.agent());
            costs.add(new Div(line));
        }
    }

    private void showAlert(MetricsSnapshot m) {
        Optional<ProviderMetrics> open = m.providers().stream().filter(p -> "OPEN".equals(p.circuitState())).findFirst();
        if (open.isPresent()) {
            ProviderMetrics p = open.get();
            alert.setText("Collector unreachable: the circuit for " + p.name() + " is OPEN; events are counted as failed "
                    + "until it recovers. Last error: " + p.pipeline().lastError());
            alert.setVisible(true);
        } else if (m.providers().stream().anyMatch(p -> p.consecutiveFailures() > 0)) {
            alert.setText("The collector is failing: " + m.providers().stream().filter(p -> p.consecutiveFailures() > 0)
                    .map(p -> p.name() + " (" + p.pipeline().lastError() + ")").reduce((a, b) -> a + ", " + b).orElse(""));
            alert.setVisible(true);
        } else {
            alert.setVisible(false);
        }
    }

    private void showTestEvent() {
        Optional<TestEventStatus> status = diagnostics.testEventStatus(testEventId);
        if (status.isEmpty()) {
            testEventStatus.setText("Test event " + testEventId + ": no longer tracked");
            return;
        }
        TestEventStatus s = status.get();
        testEventStatus.getElement().setAttribute("data-state", s.state().name());
        testEventStatus.setText(switch (s.state()) {
            case QUEUED -> "Test event " + s.id() + " queued, waiting for the collector…";
            case DELIVERED -> "Test event " + s.id() + " delivered: " + s.detail();
            case FAILED -> "Test event " + s.id() + " failed: " + s.detail();
            case DROPPED -> "Test event " + s.id() + " dropped: " + s.detail();
        });
        testEventStatus.getStyle().set("color", switch (s.state()) {
            case DELIVERED -> "var(--lumo-success-text-color)";
            case FAILED, DROPPED -> "var(--lumo-error-text-color)";
            default -> "var(--lumo-secondary-text-color)";
        });
    }
}
