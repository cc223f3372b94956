package io.github.qdrantscope.core.client;

import java.util.Optional;

/** Where a channel is being built: the first frame outside gRPC, the Qdrant client, the provider and the JDK. */
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
        return className.startsWith("io.grpc.") || className.startsWith("io.qdrant.client.")
                || className.equals(BuildSite.class.getName())
                || className.equals(WatchingChannelProvider.class.getName()) || className.startsWith("java.")
                || className.startsWith("jdk.") || className.startsWith("sun.");
    }
}
