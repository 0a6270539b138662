package ai.automagik.tracing.admin;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;

/** A console view that refreshes itself every second while it is shown (polling; no page reload). */
abstract class LiveView extends VerticalLayout implements AdminView {

    private static final long serialVersionUID = 1L;
    static final int REFRESH_MILLIS = 1000;

    private Registration polling;

    LiveView() {
        setMaxWidth("1200px");
        setPadding(true);
    }

    /** Reads the current state and updates the components; called on attach and on every poll. */
    protected abstract void refresh();

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        refresh();
        event.getUI().setPollInterval(REFRESH_MILLIS);
        polling = event.getUI().addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(-1);
        super.onDetach(event);
    }
}
