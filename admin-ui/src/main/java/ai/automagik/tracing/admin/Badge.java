package ai.automagik.tracing.admin;

import com.vaadin.flow.component.html.Span;

/** A small coloured label (status, circuit state) styled inline, so no frontend build is needed. */
final class Badge extends Span {

    private static final long serialVersionUID = 1L;

    enum Tone {
        GOOD("var(--lumo-success-text-color)", "var(--lumo-success-color-10pct)"),
        WARN("#8a5a00", "#fff3cd"),
        BAD("var(--lumo-error-text-color)", "var(--lumo-error-color-10pct)"),
        NEUTRAL("var(--lumo-secondary-text-color)", "var(--lumo-contrast-10pct)");

        final String text;
        final String background;

        Tone(String text, String background) {
            this.text = text;
            this.background = background;
        }
    }

    Badge(String text, Tone tone) {
        getStyle().set("display", "inline-block").set("padding", "0.15em 0.6em").set("border-radius", "1em")
                .set("font-size", "var(--lumo-font-size-s)").set("font-weight", "600");
        set(text, tone);
    }

    void set(String text, Tone tone) {
        setText(text);
        getElement().setAttribute("data-tone", tone.name().toLowerCase(java.util.Locale.ROOT));
        getStyle().set("color", tone.text).set("background", tone.background);
    }

    /** CLOSED is healthy, HALF_OPEN is probing, OPEN means the collector is being skipped. */
    static Tone forCircuit(String state) {
        if ("CLOSED".equals(state)) {
            return Tone.GOOD;
        }
        return "OPEN".equals(state) ? Tone.BAD : Tone.WARN;
    }
}
