package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ProjectScope;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Adds the {@link ProjectScopeHeaders} of the calling thread's {@link ProjectScope} to each request of a
 * {@code WebTestClient}, unless the request already names a project.
 *
 * <p>The scope is read when the filter is invoked, not when the response is subscribed to. A
 * {@code WebTestClient} invokes its filter chain synchronously from {@code exchange()} on the test's thread
 * (and blocks there for the response), so as long as this filter runs first in the chain, as the starter's
 * customizer arranges, it sees the test's scope even if a later filter or the connector moves to another
 * thread.
 */
public class ProjectScopeExchangeFilter implements ExchangeFilterFunction {

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        return next.exchange(ProjectScopeHeaders.scopeToSend(request.headers())
            .map(scope -> ClientRequest.from(request).headers(headers -> ProjectScopeHeaders.write(scope, headers))
                .build())
            .orElse(request));
    }
}
