package ai.automagik.sample;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie (only the admin console uses a session) is {@code HttpOnly} and
 * {@code SameSite=Strict}: another site can neither read it nor make the browser send it along, which
 * keeps a signed-in console from being driven by a cross-site request. Servlet 6.0's cookie attribute:
 * Open Liberty honours it; Payara Micro ignores it, so {@code payara-preboot.txt} sets SameSite on its HTTP
 * listener instead.
 */
@WebListener
public class SessionCookiePolicy implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Strict");
    }
}
