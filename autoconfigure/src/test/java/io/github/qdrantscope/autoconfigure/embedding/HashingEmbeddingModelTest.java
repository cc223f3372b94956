package io.github.qdrantscope.autoconfigure.embedding;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.ai.content.Media;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeTypeUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class HashingEmbeddingModelTest {

    private final HashingEmbeddingModel model = new HashingEmbeddingModel();

    @Test
    void sameTextGivesSameVectorAcrossCallsAndInstances() {
        String text = "Qdrant stores the vectors of our project memories";
        float[] first = model.embed(text);
        assertThat(model.embed(text)).containsExactly(first);
        assertThat(new HashingEmbeddingModel().embed(text)).containsExactly(first);
    }

    @Test
    void differentTextsGiveDifferentVectors() {
        assertThat(model.embed("alpha beta")).isNotEqualTo(model.embed("alpha gamma"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"one", "a longer sentence with many words in it", "", "!!! ???", "Ünïcödé wörds ÄÖÜ",
            "repeat repeat repeat repeat", "123 456 789"})
    void vectorsHaveUnitLength(String text) {
        assertThat(norm(model.embed(text))).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void tinyDimensionsStillGiveUnitVectors() {
        HashingEmbeddingModel tiny = new HashingEmbeddingModel(1);
        for (String text : List.of("a", "a b", "a b c d e f", "")) {
            assertThat(norm(tiny.embed(text))).as(text).isCloseTo(1.0, within(1e-6));
        }
    }

    @Test
    void textsSharingMoreWordsScoreHigher() {
        float[] query = model.embed("how do we configure the qdrant collection");
        double twoShared = cosine(query, model.embed("configure qdrant for production"));
        double oneShared = cosine(query, model.embed("qdrant is a vector database"));
        double noneShared = cosine(query, model.embed("lunch menu pasta salad"));
        assertThat(twoShared).isGreaterThan(oneShared);
        assertThat(oneShared).isGreaterThan(noneShared);
    }

    @Test
    void identicalTextScoresOneAndUnrelatedTextScoresLowButPositive() {
        float[] a = model.embed("release checklist for the billing service");
        assertThat(cosine(a, model.embed("release checklist for the billing service"))).isCloseTo(1.0, within(1e-5));
        assertThat(cosine(a, model.embed("zebra xylophone quokka"))).isPositive().isLessThan(0.2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "x", "completely different words here", "ZZZZ"})
    void everyPairOfTextsHasAPositiveSimilarity(String other) {
        assertThat(cosine(model.embed("the quick brown fox"), model.embed(other))).isPositive();
    }

    @Test
    void componentsAreNeverNegative() {
        for (float v : model.embed("any text at all, with punctuation; and 123 numbers")) {
            assertThat(v).isGreaterThanOrEqualTo(0f);
        }
    }

    @Test
    void caseAndPunctuationDoNotMatter() {
        assertThat(model.embed("Deploy the API, today!")).containsExactly(model.embed("deploy THE api today"));
    }

    @Test
    void inflectedWordsAreCloserThanUnrelatedWords() {
        float[] memory = model.embed("memory");
        assertThat(cosine(memory, model.embed("memories"))).isGreaterThan(cosine(memory, model.embed("banana")));
    }

    @Test
    void sharedPhraseScoresHigherThanSameWordsInAnotherOrder() {
        float[] query = model.embed("vector store");
        assertThat(cosine(query, model.embed("the vector store is fast")))
            .isGreaterThan(cosine(query, model.embed("store the vector fast is")));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8, 384, 1536, 65_536})
    void producesTheConfiguredNumberOfDimensions(int dimensions) {
        HashingEmbeddingModel sized = new HashingEmbeddingModel(dimensions);
        assertThat(sized.dimensions()).isEqualTo(dimensions);
        assertThat(sized.embed("some text")).hasSize(dimensions);
    }

    @Test
    void defaultsTo384Dimensions() {
        assertThat(model.dimensions()).isEqualTo(384);
        assertThat(model.embed("x")).hasSize(384);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65_537})
    void rejectsOutOfRangeDimensions(int dimensions) {
        assertThatIllegalArgumentException().isThrownBy(() -> new HashingEmbeddingModel(dimensions))
            .withMessageContaining("dimensions must be between 1 and 65536")
            .withMessageContaining(String.valueOf(dimensions));
    }

    @Test
    void callEmbedsEveryInstructionInOrder() {
        List<String> texts = List.of("first text", "second text", "third");
        EmbeddingResponse response = model.call(new EmbeddingRequest(texts, null));
        assertThat(response.getResults()).hasSize(3);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(response.getResults().get(i).getIndex()).isEqualTo(i);
            assertThat(response.getResults().get(i).getOutput()).containsExactly(model.embed(texts.get(i)));
        }
    }

    @Test
    void callRejectsARequestForOtherDimensions() {
        EmbeddingOptions options = EmbeddingOptions.builder().dimensions(768).build();
        assertThatIllegalArgumentException()
            .isThrownBy(() -> model.call(new EmbeddingRequest(List.of("x"), options)))
            .withMessageContaining("768")
            .withMessageContaining("384")
            .withMessageContaining("qdrant-scope.embedding-dimensions");
    }

    @Test
    void callAcceptsARequestForItsOwnDimensions() {
        EmbeddingOptions options = EmbeddingOptions.builder().dimensions(384).build();
        assertThat(model.call(new EmbeddingRequest(List.of("x"), options)).getResult().getOutput()).hasSize(384);
    }

    @Test
    void embedsADocumentByItsText() {
        Document document = new Document("the text of the document", Map.of("tag", "ignored"));
        assertThat(model.embed(document)).containsExactly(model.embed("the text of the document"));
    }

    @Test
    void rejectsAMediaDocumentNamingIt() {
        Media media = new Media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(new byte[] {1, 2, 3}));
        Document document = Document.builder().id("doc-42").media(media).build();
        assertThatIllegalArgumentException().isThrownBy(() -> model.embed(document))
            .withMessageContaining("doc-42")
            .withMessageContaining("no text");
    }

    @Test
    void rejectsNullText() {
        assertThatIllegalArgumentException().isThrownBy(() -> model.embed((String) null))
            .withMessageContaining("null text");
    }

    @Test
    void concurrentCallersGetTheSameVectors() {
        List<String> texts = IntStream.range(0, 200).mapToObj(i -> "text number " + i + " about topic " + (i % 7)).toList();
        List<float[]> sequential = texts.stream().map(model::embed).toList();
        List<float[]> parallel = texts.parallelStream().map(model::embed).toList();
        for (int i = 0; i < texts.size(); i++) {
            assertThat(parallel.get(i)).containsExactly(sequential.get(i));
        }
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot / (norm(a) * norm(b));
    }
}
