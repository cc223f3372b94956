package io.github.qdrantscope.embedded.snapshot;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Little-endian writes through one direct buffer into a file, hashing everything written with SHA-256
 * (the checksum Qdrant reports for a snapshot). Arrays of floats and ints are copied into the buffer in
 * bulk, which is what makes a 100k × 384-d snapshot cheap to write and read.
 */
final class ChannelOutput implements Closeable {

    private static final int BUFFER_BYTES = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final MessageDigest sha256;

    ChannelOutput(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }

    void writeByte(int value) throws IOException {
        room(1);
        buffer.put((byte) value);
    }

    void writeInt(int value) throws IOException {
        room(4);
        buffer.putInt(value);
    }

    void writeLong(long value) throws IOException {
        room(8);
        buffer.putLong(value);
    }

    void writeBytes(byte[] bytes) throws IOException {
        int offset = 0;
        while (offset < bytes.length) {
            room(1);
            int n = Math.min(bytes.length - offset, buffer.remaining());
            buffer.put(bytes, offset, n);
            offset += n;
        }
    }

    /** An int length, then the bytes. */
    void writeSized(byte[] bytes) throws IOException {
        writeInt(bytes.length);
        writeBytes(bytes);
    }

    void writeString(String value) throws IOException {
        writeSized(value.getBytes(StandardCharsets.UTF_8));
    }

    void writeFloats(float[] values) throws IOException {
        int offset = 0;
        while (offset < values.length) {
            room(Float.BYTES);
            int n = Math.min(values.length - offset, buffer.remaining() / Float.BYTES);
            buffer.asFloatBuffer().put(values, offset, n);
            buffer.position(buffer.position() + n * Float.BYTES);
            offset += n;
        }
    }

    void writeInts(int[] values) throws IOException {
        int offset = 0;
        while (offset < values.length) {
            room(Integer.BYTES);
            int n = Math.min(values.length - offset, buffer.remaining() / Integer.BYTES);
            buffer.asIntBuffer().put(values, offset, n);
            buffer.position(buffer.position() + n * Integer.BYTES);
            offset += n;
        }
    }

    /** The lowercase hex SHA-256 of everything written; call after the last write. */
    String finish() throws IOException {
        flush();
        channel.force(false);
        StringBuilder hex = new StringBuilder(64);
        for (byte b : sha256.digest()) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    private void room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        sha256.update(buffer.duplicate());
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
