package ai.automagik.tracing.admin;

import ai.automagik.tracing.MetricsSnapshot;
import ai.automagik.tracing.admin.Badge.Tone;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.diagnostics.RecentPayload;
import ai.automagik.tracing.diagnostics.TracingDiagnostics;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.PageTitle;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * The opt-out toggle (persistent, asks first) and exactly what left the server: the last request
 * bodies as they were sent, so an operator can check them for personal data.
 */
@CdiComponent
@PageTitle("Automagik Tracing · Privacy")
@RolesAllowed(AdminView.ROLE)
public class PrivacyView extends LiveView {

    private static final long serialVersionUID = 1L;

    private final transient TracingManager tracing;
    private final transient TracingDiagnostics diagnostics;
    private final Badge state = new Badge("", Tone.NEUTRAL);
    private final Span reason = new Span();
    private final Button toggle = new Button();
    private final Div payloads = new Div();
    private Instant newestShown;
    private final ClientWindow window;

    @Inject
    public PrivacyView(TracingManager tracing, TracingDiagnostics diagnostics) {
        this.tracing = tracing;
        this.diagnostics = diagnostics;
        add(new H2("Privacy"));
        add(new Paragraph("Anonymous telemetry carries no personal data: no emails, keys, tokens, IP addresses, "
                + "user paths, prompts or completions. Turning it off writes ~/.automagik-no-telemetry, so the "
                + "choice survives restarts; any other opt-out (DO_NOT_TRACK, the kill switch, CI) always wins."));
        state.setId("privacy-telemetry-state");
        reason.setId("privacy-telemetry-reason");
        toggle.setId("telemetry-toggle");
        toggle.addClickListener(click -> confirmToggle());
        HorizontalLayout row = new HorizontalLayout(new Span("Telemetry"), state, reason, toggle);
        row.setAlignItems(Alignment.CENTER);
        row.getStyle().set("flex-wrap", "wrap");
        add(row);

        add(new H3("What left this server"));
        add(new Paragraph("The last request bodies, exactly as sent to each destination (newest first). "
                + "Credentials travel in headers and are never shown."));
        payloads.setId("payloads");
        payloads.setWidthFull();
        add(payloads);
        window = new ClientWindow(this, (zone, narrow) -> {
            newestShown = null; // shown again with times in the browser's zone
            refresh();
        });
    }

    private void confirmToggle() {
        boolean turnOn = !tracing.telemetryEnabled();
        Dialog dialog = new Dialog();
        dialog.setId("telemetry-confirm-dialog");
        dialog.setHeaderTitle(turnOn ? "Turn telemetry on?" : "Turn telemetry off?");
        dialog.add(new Paragraph(turnOn
                ? "Anonymous usage telemetry will be sent again from the next event on."
                : "No telemetry will leave this server from the next event on, also after a restart."));
        Button confirm = new Button(turnOn ? "Turn on" : "Turn off", click -> {
            tracing.setTelemetryEnabled(turnOn);
            dialog.close();
            refresh();
        });
        confirm.setId("telemetry-confirm");
        confirm.addThemeVariants(turnOn ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_ERROR);
        Button cancel = new Button("Cancel", click -> dialog.close());
        cancel.setId("telemetry-cancel");
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    @Override
    protected void refresh() {
        MetricsSnapshot m = tracing.metrics();
        state.set(m.telemetryEnabled() ? "ON" : "OFF", m.telemetryEnabled() ? Tone.GOOD : Tone.NEUTRAL);
        reason.setText(m.telemetryEnabled() ? "" : "off because of: " + m.telemetryDisabledReason());
        toggle.setText(m.telemetryEnabled() ? "Turn telemetry off" : "Turn telemetry on");

        List<RecentPayload> recent = diagnostics.recentPayloads();
        Instant newest = recent.isEmpty() ? null : recent.get(0).at();
        if (newest != null && newest.equals(newestShown) && payloads.getComponentCount() > 0) {
            return; // unchanged; keep the operator's expanded panels as they are
        }
        newestShown = newest;
        payloads.removeAll();
        if (recent.isEmpty()) {
            payloads.add(new Paragraph("Nothing has left this server yet."));
            return;
        }
        boolean first = true;
        for (RecentPayload payload : recent) {
            Pre body = new Pre(PrettyJson.format(payload.text()));
            body.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere").set("max-height", "24em")
                    .set("overflow", "auto").set("font-size", "var(--lumo-font-size-xs)");
            body.addClassName("payload-json");
            Details details = new Details(Formats.time(payload.at(), window.zone(), Instant.now()) + " → "
                    + payload.destination() + " · " + payload.outcome(), body);
            details.setOpened(first);
            details.setWidthFull();
            details.getElement().setAttribute("data-destination", payload.destination());
            payloads.add(details);
            first = false;
        }
    }
}
