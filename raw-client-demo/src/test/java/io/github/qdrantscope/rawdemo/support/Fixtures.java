package io.github.qdrantscope.rawdemo.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.qdrantscope.rawdemo.Chunk;
import io.github.qdrantscope.rawdemo.Document;
import io.github.qdrantscope.rawdemo.DocumentId;

/**
 * The fixed data EVERY test writes: the same numeric and UUID ids, in the same hard-coded collections. Only the
 * titles differ, by a token each test draws, so a test can tell its own points from anyone else's.
 *
 * <p>Vectors lie on a circle in the first two of four dimensions, at the angles below, so every similarity is
 * the cosine of an angle difference and all rankings used in the suite are free of ties.
 */
public final class Fixtures {

    public static final DocumentId ONE = DocumentId.of(1);
    public static final DocumentId TWO = DocumentId.of(2);
    public static final DocumentId THREE = DocumentId.of(3);
    public static final DocumentId ALPHA = DocumentId.of("1b4e28ba-2fa1-41d2-883f-0016d3cca427");
    public static final DocumentId BETA = DocumentId.of("6fa459ea-ee8a-4ca4-894e-db77e160355e");
    public static final DocumentId GAMMA = DocumentId.of("c9bf9e57-1685-4c89-bafb-ff5af830be8a");
    /** Not in the corpus: what {@code replace} brings in. */
    public static final DocumentId DELTA = DocumentId.of("f47ac10b-58cc-4372-a567-0e02b2c3d479");
    public static final DocumentId FOUR = DocumentId.of(4);

    /** Every corpus id, in Qdrant's id order (numbers first, then UUIDs by value). */
    public static final List<DocumentId> IDS = List.of(ONE, TWO, THREE, ALPHA, BETA, GAMMA);

    /** Each corpus document's angle, in degrees. */
    public static final Map<DocumentId, Integer> ANGLES = Map.of(ONE, 0, TWO, 10, THREE, 25, ALPHA, 45, BETA, 70,
            GAMMA, 85);

    /** The search vector used throughout: angle 0. */
    public static final float[] QUERY = at(0);

    public static final DocumentId CHUNK_ONE_A = DocumentId.of(11);
    public static final DocumentId CHUNK_ONE_B = DocumentId.of(12);
    public static final DocumentId CHUNK_ALPHA_A = DocumentId.of("0c5a2b1e-7d6f-4c3b-9a8e-1f2d3c4b5a60");
    public static final DocumentId CHUNK_ALPHA_B = DocumentId.of("9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b");

    private Fixtures() {
    }

    /** A token that marks one test's data. */
    public static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** The unit vector at {@code degrees} in the first two dimensions. */
    public static float[] at(double degrees) {
        double radians = Math.toRadians(degrees);
        return new float[] { (float) Math.cos(radians), (float) Math.sin(radians), 0f, 0f };
    }

    /** The title a test with {@code token} gives document {@code id}. */
    public static String title(String token, DocumentId id) {
        return token + "/" + id;
    }

    /** The six documents, in {@link #IDS} order. */
    public static List<Document> corpus(String token) {
        return List.of(
                document(token, ONE, "guide", List.of("java", "spring"), 2021),
                document(token, TWO, "faq", List.of("java"), 2022),
                document(token, THREE, "news", List.of("qdrant"), 2023),
                document(token, ALPHA, "guide", List.of("qdrant", "spring"), 2024),
                document(token, BETA, "faq", List.of("spring"), 2020),
                document(token, GAMMA, "guide", List.of(), 2025));
    }

    /** The corpus document {@code id}. */
    public static Document document(String token, DocumentId id) {
        return corpus(token).stream().filter(document -> document.id().equals(id)).findFirst().orElseThrow();
    }

    /** Four chunks: two of {@link #ONE} and two of {@link #ALPHA}, at angles 5, 40, 50 and 80. */
    public static List<Chunk> chunks(String token) {
        List<Chunk> chunks = new ArrayList<>();
        chunks.add(new Chunk(CHUNK_ONE_A, ONE, "guide", 0, token + "/one#0", at(5)));
        chunks.add(new Chunk(CHUNK_ONE_B, ONE, "guide", 1, token + "/one#1", at(40)));
        chunks.add(new Chunk(CHUNK_ALPHA_A, ALPHA, "guide", 0, token + "/alpha#0", at(50)));
        chunks.add(new Chunk(CHUNK_ALPHA_B, ALPHA, "guide", 1, token + "/alpha#1", at(80)));
        return chunks;
    }

    private static Document document(String token, DocumentId id, String category, List<String> tags, int year) {
        return new Document(id, title(token, id), category, tags, year, at(ANGLES.get(id)));
    }
}
