package io.github.qdrantscope.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A TCP server that accepts connections and never answers: a Qdrant that hangs. */
final class SilentServer implements AutoCloseable {

    private final ServerSocket socket;

    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    SilentServer() {
        try {
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Thread acceptor = new Thread(() -> {
            while (!this.socket.isClosed()) {
                try {
                    this.accepted.add(this.socket.accept());
                }
                catch (IOException ex) {
                    return;
                }
            }
        }, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return this.socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        this.socket.close();
        for (Socket connection : this.accepted) {
            connection.close();
        }
    }
}
