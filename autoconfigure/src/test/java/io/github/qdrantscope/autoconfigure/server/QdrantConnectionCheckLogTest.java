package io.github.qdrantscope.autoconfigure.server;

import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.core.server.SharedEmbeddedQdrant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;

import io.github.qdrantscope.autoconfigure.FixedQdrantConnectionDetails;
import io.github.qdrantscope.core.fork.CollectionNames;
import io.github.qdrantscope.core.identity.ForkIdentity;
import io.github.qdrantscope.autoconfigure.fork.QdrantScopeContextCustomizer;
import io.github.qdrantscope.autoconfigure.scope.InstrumentedQdrantClientAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantConnectionDetails;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The "which Qdrant" line: mode, server, collection, fork and run, logged once per JVM for each mode, server
 * and collection, however many contexts use them. Each test binds a collection of its own (its own prefix),
 * which no other context of the JVM has logged.
 */
@ExtendWith(OutputCaptureExtension.class)
// Boot's output capture is JVM-wide: capturing tests take System.out in turn (as ScopingAutoConfigurationTest)
@ResourceLock(Resources.SYSTEM_OUT)
class QdrantConnectionCheckLogTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(QdrantServerAutoConfiguration.class,
                    InstrumentedQdrantClientAutoConfiguration.class))
            // what every @SpringBootTest context of the fork gets from the context customizer
            .withInitializer(context -> new QdrantScopeContextCustomizer(ForkIdentity.jvm()).customizeContext(context, null));

    @Test
    void embeddedModeIsLoggedOnceWithServerCollectionForkAndRun(CapturedOutput output) {
        String prefix = uniquePrefix();
        ApplicationContextRunner fork = runner.withPropertyValues("qdrant-scope.collection-prefix=" + prefix);

        fork.run(context -> assertThat(context).hasNotFailed());
        fork.run(context -> assertThat(context).hasNotFailed());

        ForkIdentity identity = ForkIdentity.jvm();
        QdrantEndpoint embedded = SharedEmbeddedQdrant.endpoint();
        String line = "qdrant-scope: embedded Qdrant at " + embedded.host() + ":" + embedded.port() + ", collection "
                + CollectionNames.of(prefix, identity.run(), identity.fork()) + ", fork " + identity.fork().value()
                + " (fork id from " + identity.fork().source() + "), run " + identity.run().value()
                + "; chosen because no Qdrant was configured";
        assertThat(occurrences(output, line)).isEqualTo(1);
    }

    @Test
    void externalModeNamesWhatConfiguredItAndAnotherCollectionIsLoggedAgain(CapturedOutput output) {
        String prefix = uniquePrefix();
        QdrantEndpoint server = SharedEmbeddedQdrant.endpoint();
        ApplicationContextRunner external = runner.withPropertyValues("qdrant-scope.collection-prefix=" + prefix,
                "spring.ai.vectorstore.qdrant.host=" + server.host(), "spring.ai.vectorstore.qdrant.port=" + server.port());
        String other = uniquePrefix();

        external.run(context -> assertThat(context).hasNotFailed());
        // the same server and collection, chosen for a different reason: the same choice, not logged again
        runner.withPropertyValues("qdrant-scope.collection-prefix=" + prefix)
                .withBean("sameServer", QdrantConnectionDetails.class, () -> detailsOf(server))
                .run(context -> assertThat(context).hasNotFailed());
        external.withPropertyValues("qdrant-scope.collection-prefix=" + other)
                .run(context -> assertThat(context).hasNotFailed());

        ForkIdentity identity = ForkIdentity.jvm();
        String at = "qdrant-scope: external Qdrant at " + server.host() + ":" + server.port() + ", collection ";
        String fork = ", fork " + identity.fork().value() + " (fork id from " + identity.fork().source() + "), run "
                + identity.run().value() + "; chosen because ";
        String first = at + CollectionNames.of(prefix, identity.run(), identity.fork()) + fork;
        assertThat(occurrences(output, first + "spring.ai.vectorstore.qdrant.host is set; "
                + "spring.ai.vectorstore.qdrant.port is set")).isEqualTo(1);
        assertThat(occurrences(output, first)).isEqualTo(1);
        assertThat(occurrences(output, at + CollectionNames.of(other, identity.run(), identity.fork()) + fork))
                .isEqualTo(1);
    }

    private static QdrantConnectionDetails detailsOf(QdrantEndpoint server) {
        return new FixedQdrantConnectionDetails(server.host(), server.port(), null);
    }

    private static String uniquePrefix() {
        return "log" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static int occurrences(CapturedOutput output, String text) {
        return output.getAll().split(Pattern.quote(text), -1).length - 1;
    }
}
