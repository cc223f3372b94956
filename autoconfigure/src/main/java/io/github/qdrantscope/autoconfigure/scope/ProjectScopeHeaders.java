package io.github.qdrantscope.autoconfigure.scope;

import java.io.IOException;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The HTTP headers that carry a {@link ProjectScope} from a {@code RANDOM_PORT} test to the server thread
 * handling its request, and the client interceptor that adds them when a scope is open.
 */
public final class ProjectScopeHeaders implements ClientHttpRequestInterceptor {

    /** Header carrying the project name. */
    public static final String PROJECT = "X-Qdrant-Scope-Project";

    /** Header carrying the payload key of the project. */
    public static final String KEY = "X-Qdrant-Scope-Key";

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        // A header the test set itself wins: it may deliberately address another project.
        if (request.getHeaders().getFirst(PROJECT) == null) {
            ProjectScope.current().ifPresent(scope -> {
                request.getHeaders().set(PROJECT, scope.name());
                request.getHeaders().set(KEY, scope.key());
            });
        }
        return execution.execute(request, body);
    }
}
