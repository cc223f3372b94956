package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ProjectScope;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The reactive counterpart of {@link ProjectScopeServletFilter}: puts the {@link ProjectScope} a test sent
 * in {@link ProjectScopeHeaders} into the Reactor {@link Context} of the request's processing, under
 * {@link ProjectScopeThreadLocalAccessor#KEY}.
 *
 * <p>A WebFlux request has no thread of its own, so the scope cannot simply be bound to one. With Reactor's
 * automatic context propagation on ({@code spring.reactor.context-propagation=auto}, which calls
 * {@link Hooks#enableAutomaticContextPropagation()}), Reactor restores the scope as a thread-local around
 * every operator of the request, on whatever thread it runs, so handler code and the blocking
 * {@code VectorStore} calls it makes see it. Without it, only {@code handle}/{@code tap} operators restore
 * it; the filter logs a warning once when it first carries a scope while automatic propagation is off.
 *
 * <p>Requests without the headers run unscoped. Malformed headers are answered with 400 and a plain-text
 * body naming the header, rather than silently running unscoped.
 */
public class ProjectScopeWebFilter implements WebFilter, Ordered {

    private static final Log logger = LogFactory.getLog(ProjectScopeWebFilter.class);

    private final AtomicBoolean warnedAboutPropagation = new AtomicBoolean();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        ProjectScope scope;
        try {
            scope = ProjectScopeHeaders.read(headers.getFirst(ProjectScopeHeaders.PROJECT),
                    headers.getFirst(ProjectScopeHeaders.KEY));
        }
        catch (IllegalArgumentException ex) {
            return badRequest(exchange.getResponse(), ex.getMessage());
        }
        if (scope == null) {
            return chain.filter(exchange);
        }
        warnIfPropagationIsOff();
        return chain.filter(exchange).contextWrite(Context.of(ProjectScopeThreadLocalAccessor.KEY, scope));
    }

    /** First in the chain, so every other filter and the handler run in the scope. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private void warnIfPropagationIsOff() {
        // Checked per request, not at start-up: the hook is JVM-wide and may be enabled after this filter exists.
        if (!Hooks.isAutomaticContextPropagationEnabled()
                && this.warnedAboutPropagation.compareAndSet(false, true)) {
            logger.warn("A request carries a project scope (" + ProjectScopeHeaders.PROJECT + "), but Reactor's"
                    + " automatic context propagation is off, so handler code will not see the scope as a"
                    + " thread-local and its VectorStore calls run unscoped. Set"
                    + " spring.reactor.context-propagation=auto (or call Hooks.enableAutomaticContextPropagation()).");
        }
    }

    // Written here rather than as an exception: Boot's error handler leaves the message out by default.
    private static Mono<Void> badRequest(ServerHttpResponse response, String message) {
        response.setStatusCode(HttpStatus.BAD_REQUEST);
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8));
        DataBuffer body = response.bufferFactory().wrap(message.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(body));
    }
}
