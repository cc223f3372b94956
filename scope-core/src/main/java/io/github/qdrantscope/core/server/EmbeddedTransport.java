package io.github.qdrantscope.core.server;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the clients qdrant-scope builds or instruments reach the embedded server of their own JVM. Only the embedded
 * server has a choice: an external server is always reached over TCP.
 */
public enum EmbeddedTransport {

    /**
     * gRPC's in-process transport: no socket, no HTTP/2 framing, no serialisation; the server still runs each call on
     * its own executor. The TCP port stays open for every other client.
     */
    IN_PROCESS("in-process"),

    /** The server's loopback TCP port, as a client in another JVM would reach it. */
    TCP("tcp");

    private final String value;

    EmbeddedTransport(String value) {
        this.value = value;
    }

    /**
     * The transport named {@code text} ({@code in-process} or {@code tcp}, any case).
     *
     * @param setting the setting the text came from, named in the error
     * @throws IllegalArgumentException naming {@code setting} and the accepted values when {@code text} is neither
     */
    public static EmbeddedTransport parse(String text, String setting) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (EmbeddedTransport transport : values()) {
            if (transport.value.equals(wanted)) {
                return transport;
            }
        }
        throw new IllegalArgumentException("qdrant-scope: " + setting + "='" + text + "' is invalid: expected "
                + Arrays.stream(values()).map(EmbeddedTransport::toString).collect(Collectors.joining(" or ")));
    }

    /** The value as written in settings: {@code in-process} or {@code tcp}. */
    @Override
    public String toString() {
        return this.value;
    }
}
