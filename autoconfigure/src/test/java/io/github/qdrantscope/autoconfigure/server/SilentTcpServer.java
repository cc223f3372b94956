package io.github.qdrantscope.autoconfigure.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server on 127.0.0.1 (a free port) that accepts TCP connections and never answers on them: a Qdrant
 * host that is up but hung, or a firewall that swallows traffic. Unlike a closed port, which refuses at
 * once, a client only gets out of it through its own deadline. Close it to drop the connections.
 */
final class SilentTcpServer implements AutoCloseable {

    private final ServerSocket socket;

    private final List<Socket> held = new CopyOnWriteArrayList<>();

    private final Thread acceptor;

    SilentTcpServer() throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptForever, "silent-tcp-server-" + this.socket.getLocalPort());
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    String host() {
        return this.socket.getInetAddress().getHostAddress();
    }

    int port() {
        return this.socket.getLocalPort();
    }

    /** How many connections it accepted so far: proves the client really got a TCP connection. */
    int accepted() {
        return this.held.size();
    }

    private void acceptForever() {
        while (!this.socket.isClosed()) {
            try {
                // held open and never read from or written to
                this.held.add(this.socket.accept());
            }
            catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        this.socket.close();
        for (Socket connection : this.held) {
            connection.close();
        }
        try {
            this.acceptor.join(5_000);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
