package io.github.qdrantscope.embedded.snapshot;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Little-endian reads from a file through one direct buffer, the counterpart of {@link ChannelOutput}:
 * float and int arrays are copied out in bulk. Running out of file is an {@link EOFException}.
 */
final class ChannelInput implements Closeable {

    private static final int BUFFER_BYTES = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);

    ChannelInput(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ);
        buffer.limit(0);
    }

    int readByte() throws IOException {
        require(1);
        return buffer.get() & 0xFF;
    }

    int readInt() throws IOException {
        require(4);
        return buffer.getInt();
    }

    long readLong() throws IOException {
        require(8);
        return buffer.getLong();
    }

    void readBytes(byte[] into) throws IOException {
        int offset = 0;
        while (offset < into.length) {
            require(1);
            int n = Math.min(into.length - offset, buffer.remaining());
            buffer.get(into, offset, n);
            offset += n;
        }
    }

    /** An int length (checked against {@code max}), then that many bytes. */
    byte[] readSized(int max, String what) throws IOException {
        int length = readInt();
        if (length < 0 || length > max) {
            throw new SnapshotFormatException(what + " has an impossible length " + length);
        }
        byte[] bytes = new byte[length];
        readBytes(bytes);
        return bytes;
    }

    String readString(String what) throws IOException {
        return new String(readSized(1 << 16, what), StandardCharsets.UTF_8);
    }

    void readFloats(float[] into) throws IOException {
        int offset = 0;
        while (offset < into.length) {
            require(Float.BYTES);
            int n = Math.min(into.length - offset, buffer.remaining() / Float.BYTES);
            buffer.asFloatBuffer().get(into, offset, n);
            buffer.position(buffer.position() + n * Float.BYTES);
            offset += n;
        }
    }

    void readInts(int[] into) throws IOException {
        int offset = 0;
        while (offset < into.length) {
            require(Integer.BYTES);
            int n = Math.min(into.length - offset, buffer.remaining() / Integer.BYTES);
            buffer.asIntBuffer().get(into, offset, n);
            buffer.position(buffer.position() + n * Integer.BYTES);
            offset += n;
        }
    }

    /** Whether every byte of the file has been read. */
    boolean atEnd() throws IOException {
        return !buffer.hasRemaining() && channel.position() == channel.size();
    }

    private void require(int bytes) throws IOException {
        if (buffer.remaining() >= bytes) {
            return;
        }
        buffer.compact();
        while (buffer.position() < bytes) {
            if (channel.read(buffer) < 0) {
                buffer.flip();
                throw new EOFException("the file ends early (truncated)");
            }
        }
        buffer.flip();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
