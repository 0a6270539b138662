package ai.automagik.tracing.admin;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

@CdiComponent
/** The console's frame: title, navigation (a drawer on narrow screens), the signed-in user and logout. */
public class AdminLayout extends AppLayout {

    private static final long serialVersionUID = 1L;

    @Inject
    public AdminLayout(AdminConsoleSetup setup) {
        AdminPath path = setup.path();
        H1 title = new H1("Automagik Tracing");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");

        Principal user = VaadinServletRequest.getCurrent() == null ? null
                : VaadinServletRequest.getCurrent().getUserPrincipal();
        Span who = new Span(user == null ? "" : user.getName());
        who.setId("signed-in-user");
        who.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Button logout = new Button("Log out", click -> logOut(path));
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, who, logout);
        bar.setWidthFull();
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Dashboard", path.dashboard()));
        nav.addItem(new SideNavItem("Privacy", path.privacy()));
        nav.addItem(new SideNavItem("Configuration", path.configuration()));
        nav.addItem(new SideNavItem("Recent traces", path.traces()));
        nav.getStyle().set("padding", "var(--lumo-space-s)");
        addToDrawer(nav);
    }

    private static void logOut(AdminPath path) {
        HttpServletRequest http = VaadinServletRequest.getCurrent().getHttpServletRequest();
        try {
            http.logout();
        } catch (ServletException e) {
            // the session is invalidated below either way
        }
        UI.getCurrent().getPage().setLocation(http.getContextPath() + "/" + path.login());
        // a server may already have ended the HTTP session in logout(): Vaadin then holds none
        WrappedSession session = VaadinSession.getCurrent().getSession();
        if (session != null) {
            session.invalidate();
        }
    }
}
