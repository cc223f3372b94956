package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.client.UncoveredClients;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Registers an {@link UncoveredClients.Observer} for as long as its context runs (the latest context's wins, as
 * channels are JVM-wide).
 */
public final class UncoveredClientsRegistration implements InitializingBean, DisposableBean {

    private final UncoveredClients.Observer observer;

    private AutoCloseable registration;

    /** @param observer what is done with calls of clients the context could not cover */
    public UncoveredClientsRegistration(UncoveredClients.Observer observer) {
        this.observer = observer;
    }

    @Override
    public void afterPropertiesSet() {
        this.registration = UncoveredClients.observe(this.observer);
    }

    @Override
    public void destroy() throws Exception {
        if (this.registration != null) {
            this.registration.close();
        }
    }
}
