package io.github.qdrantscope.autoconfigure.scope;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Opens the {@link ProjectScope} a test sent in {@link ProjectScopeHeaders} for the duration of the
 * request, so the code under test writes into and reads from the test's project even though it runs on a
 * server thread. Requests without the headers run unscoped. Malformed headers are answered with 400 and a
 * message naming the header, rather than silently running unscoped.
 */
public class ProjectScopeServletFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String name = request.getHeader(ProjectScopeHeaders.PROJECT);
        if (name == null) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(ProjectScopeHeaders.KEY);
        ProjectScope scope;
        try {
            scope = new ProjectScope(name, key != null ? key : ScopedProject.DEFAULT_KEY);
        }
        catch (IllegalArgumentException ex) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Invalid " + ProjectScopeHeaders.PROJECT + "/"
                    + ProjectScopeHeaders.KEY + " header: " + ex.getMessage());
            return;
        }
        try (ProjectScope.Binding ignored = ProjectScope.open(scope)) {
            chain.doFilter(request, response);
        }
    }
}
