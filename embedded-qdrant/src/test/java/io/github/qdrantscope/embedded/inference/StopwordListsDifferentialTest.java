package io.github.qdrantscope.embedded.inference;

import static io.github.qdrantscope.embedded.inference.Bm25DifferentialTest.await;
import static io.github.qdrantscope.embedded.inference.Bm25DifferentialTest.document;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorsFactory.namedVectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.SparseVectorConfig;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.SparseVector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every one of the 30 stopword lists of {@code qdrant/bm25} against Qdrant Edge 0.9.0 ({@code edge_bm25.py}), whose
 * lists are the same files as Qdrant 1.17's ({@code full_text_index/stop_words/*.rs}, same sizes at qdrant/qdrant
 * 00bb9b74): one document per language holding every word of every list, as written and capitalised, plus words
 * of no list, is upserted through the official client with that language's stopwords (lowercased and not) and
 * read back; it must equal Edge's vector index for index and bit for bit, so a word missing from a list, or one
 * too many, shows as an index of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StopwordListsDifferentialTest {

    /**
     * Distinct words per list in Qdrant's sources (arabic.rs has 754 entries, 701 of them distinct, ...). Edge
     * drops every word of ours (no word too many) and the counts are equal, so no word is missing either.
     */
    private static final String DISTINCT = """
            arabic 701, azerbaijani 165, basque 258, bengali 398, catalan 279, chinese 841, danish 94, dutch 101,
            english 179, finnish 229, french 157, german 232, greek 265, hebrew 193, hinglish 1036, hungarian 198,
            indonesian 757, italian 279, japanese 149, kazakh 276, nepali 254, norwegian 172, portuguese 207,
            romanian 356, russian 151, slovene 1784, spanish 313, swedish 114, tajik 163, turkish 53""";

    private EmbeddedQdrant server;
    private QdrantClient client;
    private EdgeBm25Oracle oracle;

    @BeforeAll
    void start() {
        server = EmbeddedQdrant.builder().port(0).start();
        client = new QdrantClient(QdrantGrpcClient.newBuilder(server.host(), server.grpcPort(), false).build());
        oracle = EdgeBm25Oracle.start();
    }

    @AfterAll
    void stop() throws Exception {
        oracle.close();
        client.close();
        server.close();
    }

    @Test
    void everyLanguagesListEqualsEdges() {
        String collection = "stopword_lists";
        await(client.createCollectionAsync(CreateCollection.newBuilder().setCollectionName(collection)
                .setSparseVectorsConfig(SparseVectorConfig.newBuilder().putMap("text", SparseVectorParams.getDefaultInstance()))
                .build()));
        Set<String> words = new LinkedHashSet<>();
        for (Languages.Stopwords language : Languages.Stopwords.values()) {
            for (String word : list(language)) {
                words.add(word);
                words.add(word.toUpperCase(Locale.ROOT));
            }
        }
        words.addAll(List.of("qdrant", "vector", "Straße", "mir", "日本語", "running"));
        String text = String.join(" ", words);
        Map<Long, EdgeBm25Oracle.Answer> expected = new LinkedHashMap<>();
        long id = 0;
        for (Languages.Stopwords language : Languages.Stopwords.values()) {
            for (boolean lowercase : new boolean[] {true, false}) {
                Map<String, Object> options = options(lowercase,
                        id % 3 == 0 ? language.serdeName() : Map.of("languages", List.of(language.serdeName())));
                EdgeBm25Oracle.Answer edge = oracle.embed("document", text, options);
                assertThat(edge.error()).as("Edge refused %s", options).isNull();
                await(client.upsertAsync(collection, List.of(PointStruct.newBuilder().setId(id(id))
                        .setVectors(namedVectors(Map.of("text", vector(document(text, options))))).build())));
                expected.put(id++, edge);
            }
        }
        for (long pointId : expected.keySet()) {
            // one point a call: each vector has some 15,000 entries, all of them beyond gRPC's 4 MB
            List<RetrievedPoint> read = await(client.retrieveAsync(collection, List.of(id(pointId)), false, true, null));
            assertThat(read).hasSize(1);
            RetrievedPoint point = read.get(0);
            Languages.Stopwords language = Languages.Stopwords.values()[(int) (pointId / 2)];
            EdgeBm25Oracle.Answer edge = expected.get(pointId);
            SparseVector stored = point.getVectors().getVectors().getVectorsOrThrow("text").getSparse();
            assertThat(difference(stored.getIndicesList(), edge.indices(), words))
                    .as("%s (lowercase %s): words only one side kept (embedded / Edge)", language, pointId % 2 == 0)
                    .isEqualTo("[] / []");
            assertThat(new HashSet<>(list(language))).as("distinct words of the %s list", language)
                    .hasSize(distinct(language));
            assertThat(stored.getValuesList()).as("values of %s", language).hasSize(edge.values().length);
            for (int i = 0; i < edge.values().length; i++) {
                assertThat(Float.floatToIntBits(stored.getValues(i))).as("value %s of %s", i, language)
                        .isEqualTo(Float.floatToIntBits(edge.values()[i]));
            }
        }
        // every list drops something: fewer indices than distinct tokens
        Set<String> lowercased = new HashSet<>();
        words.forEach(word -> lowercased.add(RustCase.lowercase(word)));
        expected.forEach((pointId, edge) -> assertThat(edge.indices().length).as("point %s", pointId)
                .isLessThan(pointId % 2 == 0 ? lowercased.size() : words.size()));
    }

    // whitespace tokens, no stemmer (Chinese has no Snowball stemmer), stopwords given explicitly
    private static Map<String, Object> options(boolean lowercase, Object stopwords) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("tokenizer", "whitespace");
        options.put("language", "chinese");
        options.put("lowercase", lowercase);
        options.put("stopwords", stopwords);
        options.put("avg_len", 5000.0);
        return options;
    }

    /** The words behind the indices only one side has, each side's in index order. */
    private static String difference(List<Integer> ours, int[] edge, Set<String> words) {
        Set<Integer> theirs = new HashSet<>();
        for (int index : edge) {
            theirs.add(index);
        }
        Set<Integer> mine = new HashSet<>(ours);
        Set<String> onlyOurs = new TreeSet<>();
        Set<String> onlyEdge = new TreeSet<>();
        for (String word : words) {
            for (String form : List.of(word, RustCase.lowercase(word))) {
                int index = Murmur3.tokenId(form);
                if (mine.contains(index) && !theirs.contains(index)) {
                    onlyOurs.add(form);
                } else if (theirs.contains(index) && !mine.contains(index)) {
                    onlyEdge.add(form);
                }
            }
        }
        List<Integer> unexplained = new ArrayList<>(mine);
        unexplained.removeAll(theirs);
        if (onlyOurs.isEmpty() && !unexplained.isEmpty()) {
            onlyOurs.add("indices " + unexplained);
        }
        return onlyOurs + " / " + onlyEdge;
    }

    private static int distinct(Languages.Stopwords language) {
        for (String entry : DISTINCT.split(",")) {
            String[] parts = entry.trim().split(" ");
            if (parts[0].equals(language.serdeName())) {
                return Integer.parseInt(parts[1]);
            }
        }
        throw new AssertionError("No count for " + language);
    }

    private static List<String> list(Languages.Stopwords language) {
        try (InputStream in = StopwordsFilter.class.getResourceAsStream(
                "stopwords/" + language.serdeName() + ".txt")) {
            assertThat(in).as("the %s list", language).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
