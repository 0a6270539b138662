package ai.automagik.tracing.admin;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterListener;
import com.vaadin.flow.server.VaadinServletRequest;

/**
 * Lets only callers in the role {@value AdminView#ROLE} into the console: anonymous users are sent to
 * the login view, authenticated users without the role get Vaadin's access-denied page. Runs on every
 * navigation, including in-app ones that never pass the servlet container's URL checks.
 */
final class AdminAccessGuard implements BeforeEnterListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!AdminView.class.isAssignableFrom(event.getNavigationTarget())) {
            return;
        }
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request == null || request.getUserPrincipal() == null) {
            event.forwardTo(LoginView.class);
        } else if (!request.isUserInRole(AdminView.ROLE)) {
            event.rerouteToError(AccessDeniedException.class, "The Automagik Tracing console needs the role "
                    + AdminView.ROLE + ".");
        }
    }
}
