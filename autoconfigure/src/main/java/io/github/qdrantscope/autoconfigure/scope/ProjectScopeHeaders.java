package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;

import java.io.IOException;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The HTTP headers that carry a {@link ProjectScope} from a {@code RANDOM_PORT} test to the server thread
 * handling its request, and the client interceptor that adds them when a scope is open.
 *
 * <p>The rules for writing the headers ({@link #scopeToSend}, {@link #write}) and for reading them back
 * ({@link #read}) live here, so every client customization and both server filters apply the same ones.
 */
public final class ProjectScopeHeaders implements ClientHttpRequestInterceptor {

    /** Header carrying the project name. */
    public static final String PROJECT = "X-Qdrant-Scope-Project";

    /** Header carrying the payload key of the project. */
    public static final String KEY = "X-Qdrant-Scope-Key";

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        scopeToSend(request.getHeaders()).ifPresent(scope -> write(scope, request.getHeaders()));
        return execution.execute(request, body);
    }

    /**
     * The scope a request with these headers should carry: the calling thread's, unless the request already
     * names a project. A header the test set itself wins: it may deliberately address another project.
     */
    static Optional<ProjectScope> scopeToSend(HttpHeaders requestHeaders) {
        return requestHeaders.getFirst(PROJECT) == null ? ProjectScope.current() : Optional.empty();
    }

    /** Sets both headers to {@code scope}. */
    static void write(ProjectScope scope, HttpHeaders headers) {
        headers.set(PROJECT, scope.name());
        headers.set(KEY, scope.key());
    }

    /**
     * The scope a request's header values ask for, or {@code null} when it sent neither header (it runs
     * unscoped). A missing key header means the default key.
     * @param project the value of {@link #PROJECT}, or {@code null}
     * @param key the value of {@link #KEY}, or {@code null}
     * @throws IllegalArgumentException naming the offending header when a value is invalid, or when only
     * the key was sent
     */
    static ProjectScope read(String project, String key) {
        if (project == null) {
            if (key != null) {
                throw new IllegalArgumentException(
                        KEY + " header sent without " + PROJECT + ": send both headers or neither");
            }
            return null;
        }
        String keyToUse = (key != null) ? key : ScopedProject.DEFAULT_KEY;
        ProjectNames.requireValidKey(keyToUse, () -> KEY + " header");
        try {
            return new ProjectScope(project, keyToUse);
        }
        catch (IllegalArgumentException ex) {
            // the key is valid, so the name is what is wrong
            throw new IllegalArgumentException("Invalid " + PROJECT + " header: " + ex.getMessage(), ex);
        }
    }
}
