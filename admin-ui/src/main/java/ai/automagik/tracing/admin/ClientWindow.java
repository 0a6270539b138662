package ai.automagik.tracing.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The browser window a console view is shown in: its time zone (times are shown in it, not in UTC) and whether it
 * is narrow (a phone: fewer columns, the rest on tap). Asked each time the view is attached, then told of resizes.
 */
final class ClientWindow implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Below this width (CSS pixels) a view shows its narrow layout. */
    static final int NARROW_BELOW = 700;

    /** What a view does when it learns the window's zone and width. */
    @FunctionalInterface
    interface Listener extends Serializable {
        void changed(ZoneId zone, boolean narrow);
    }

    private ZoneId zone = ZoneOffset.UTC;
    private boolean narrow;
    private Registration resizes;

    /** Follows the window {@code view} is shown in while it is attached, telling {@code listener}. */
    ClientWindow(Component view, Listener listener) {
        view.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ui.getPage().retrieveExtendedClientDetails(details -> {
                zone = zone(details.getTimeZoneId());
                narrow = details.getWindowInnerWidth() > 0 && details.getWindowInnerWidth() < NARROW_BELOW;
                listener.changed(zone, narrow);
            });
            resizes = ui.getPage().addBrowserWindowResizeListener(resize -> {
                boolean nowNarrow = resize.getWidth() < NARROW_BELOW;
                if (nowNarrow != narrow) {
                    narrow = nowNarrow;
                    listener.changed(zone, narrow);
                }
            });
        });
        view.addDetachListener(detach -> {
            if (resizes != null) {
                resizes.remove();
                resizes = null;
            }
        });
    }

    ZoneId zone() {
        return zone;
    }

    boolean narrow() {
        return narrow;
    }

    static ZoneId zone(String id) {
        try {
            return id == null || id.isBlank() ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
