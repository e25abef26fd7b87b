package dev.taskq.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Lets only users in the console's role reach {@code /taskq/*} (mapped in the fragment's web-fragment.xml);
 * everyone else logged in gets 403. The fragment's security constraint has already made the user log in;
 * the role is checked here because it is configurable: {@code taskq.console.role}, default {@code taskq-admin}.
 */
public class ConsoleRoleFilter extends HttpFilter {

    /** The MicroProfile Config key naming the role a console user needs. */
    public static final String ROLE_KEY = "taskq.console.role";
    public static final String DEFAULT_ROLE = "taskq-admin";

    /**
     * No script from anywhere, no framing, forms posting only back here: argument text that slipped
     * past escaping still could not run, and the action buttons cannot be clicked through another site.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private String role;

    @Override
    public void init() {
        role = ConfigProvider.getConfig().getOptionalValue(ROLE_KEY, String.class)
                .map(String::strip).filter(value -> !value.isEmpty()).orElse(DEFAULT_ROLE);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() == null && !request.authenticate(response)) {
            return; // the container is asking the user to log in
        }
        if (!request.isUserInRole(role)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, ConsoleMessages.forbidden(role, request.getRemoteUser()));
            return;
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }
}
