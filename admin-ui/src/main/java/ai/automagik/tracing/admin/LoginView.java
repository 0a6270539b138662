package ai.automagik.tracing.admin;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.login.AbstractLogin.LoginEvent;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

/**
 * Signs an operator in through the application's own Jakarta Security mechanism
 * ({@link SecurityContext#authenticate}), which must accept a username and password and keep the
 * caller for the session.
 */
@CdiComponent
@PageTitle("Automagik Tracing · Log in")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    /**
     * A request attribute a mechanism may set (a number of seconds) when it refused to check a password
     * because of earlier failures; the view then says when to try again.
     */
    public static final String RETRY_AFTER_ATTRIBUTE = "ai.automagik.tracing.admin.retryAfterSeconds";
    private static final String WRONG = "Wrong user name or password, or the user is not a tracing administrator.";

    private final transient SecurityContext security;
    private final transient AdminConsoleSetup setup;
    private final LoginForm login = new LoginForm();

    @Inject
    public LoginView(SecurityContext security, AdminConsoleSetup setup) {
        this.security = security;
        this.setup = setup;
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setI18n(messages(WRONG));
        login.setForgotPasswordButtonVisible(false);
        login.setId("login-form");
        login.addLoginListener(this::authenticate);
        add(login);
    }

    private void authenticate(LoginEvent event) {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        AuthenticationStatus status = security.authenticate(request.getHttpServletRequest(),
                response.getHttpServletResponse(), AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(event.getUsername(), new Password(event.getPassword())))
                        .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS && request.isUserInRole(AdminView.ROLE)) {
            // a new session id after login, so an id planted before it is worth nothing (session fixation);
            // the Servlet API's own call: Vaadin's reinitializeSession may get the same id back on some servers
            request.getHttpServletRequest().changeSessionId();
            getUI().ifPresent(ui -> ui.navigate(setup.path().dashboard()));
        } else {
            Object retryAfter = request.getAttribute(RETRY_AFTER_ATTRIBUTE);
            login.setI18n(messages(retryAfter == null ? WRONG
                    : "Too many failed attempts; try again in " + retryAfter + " s."));
            login.setError(true);
        }
    }

    private static LoginI18n messages(String error) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Automagik Tracing");
        i18n.getErrorMessage().setTitle("Not signed in");
        i18n.getErrorMessage().setMessage(error);
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request != null && request.getUserPrincipal() != null && request.isUserInRole(AdminView.ROLE)) {
            event.forwardTo(setup.path().dashboard());
        }
    }
}
