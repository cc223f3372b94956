package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ProjectScope;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Opens the {@link ProjectScope} a test sent in {@link ProjectScopeHeaders} for the duration of the
 * request, so the code under test writes into and reads from the test's project even though it runs on a
 * server thread. Requests without the headers run unscoped. Malformed headers are answered with 400 and a
 * plain-text body naming the header, rather than silently running unscoped.
 */
public class ProjectScopeServletFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProjectScope scope;
        try {
            scope = ProjectScopeHeaders.read(request.getHeader(ProjectScopeHeaders.PROJECT),
                    request.getHeader(ProjectScopeHeaders.KEY));
        }
        catch (IllegalArgumentException ex) {
            // Written here rather than through sendError: Boot's error page leaves the message out by default.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.TEXT_PLAIN_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8);
            response.getWriter().write(ex.getMessage());
            return;
        }
        if (scope == null) {
            chain.doFilter(request, response);
            return;
        }
        try (ProjectScope.Binding ignored = ProjectScope.open(scope)) {
            chain.doFilter(request, response);
        }
    }
}
