package io.github.qdrantscope.core.client;

import java.util.Optional;

/** Where a channel is being built: the first frame outside gRPC, the Qdrant client, the stores, the provider and the JDK. */
final class BuildSite {

    private static final StackWalker WALKER = StackWalker.getInstance();

    private BuildSite() {
    }

    static String caller() {
        Optional<StackWalker.StackFrame> frame = WALKER.walk(frames -> frames
            .filter(f -> !isInfrastructure(f.getClassName()))
            .findFirst());
        return frame.map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":"
                + f.getLineNumber() + ")").orElse("an unknown place");
    }

    private static boolean isInfrastructure(String className) {
        // a store building its own client (LangChain4j's QdrantEmbeddingStore from host and port, Spring AI's
        // auto-configuration) is not where the user can act: name the user's line that built the store
        return className.startsWith("io.grpc.") || className.startsWith("io.qdrant.client.")
                || className.startsWith("dev.langchain4j.") || className.startsWith("org.springframework.ai.")
                || className.equals(BuildSite.class.getName())
                || className.equals(WatchingChannelProvider.class.getName()) || className.startsWith("java.")
                || className.startsWith("jdk.") || className.startsWith("sun.");
    }
}
