package io.github.qdrantscope.lc4jdemo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * A command line over the library, against the Qdrant at {@code QDRANT_HOST} / {@code QDRANT_PORT} (default
 * {@code localhost:6334}):
 * <pre>
 * ingest ID CATEGORY YEAR FILE    ingest (or re-ingest) a text file, title = file name
 * search QUESTION...              the 5 most relevant passages
 * remove ID                       remove a document
 * clear                           remove everything
 * </pre>
 */
public final class LibraryMain {

    private LibraryMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: ingest ID CATEGORY YEAR FILE | search QUESTION... | remove ID | clear");
            System.exit(2);
        }
        String host = System.getenv().getOrDefault("QDRANT_HOST", "localhost");
        int port = Integer.parseInt(System.getenv().getOrDefault("QDRANT_PORT", "6334"));
        try (Library library = Library.connect(host, port, new AllMiniLmL6V2QuantizedEmbeddingModel())) {
            switch (args[0]) {
                case "ingest" -> {
                    Path file = Path.of(args[4]);
                    SourceDocument document = new SourceDocument(args[1], file.getFileName().toString(), args[2],
                            Integer.parseInt(args[3]), Files.readString(file));
                    IngestReport report = library.ingestion().reingest(document);
                    System.out.println(report.documentId() + ": " + report.segments() + " segments");
                }
                case "search" -> {
                    String question = String.join(" ", Arrays.copyOfRange(args, 1, args.length));
                    for (Passage passage : library.retrieval().search(question, PassageFilter.any(), 5)) {
                        System.out.printf("%.4f  %s #%d  %s%n", passage.score(), passage.documentId(), passage.index(),
                                passage.text());
                    }
                }
                case "remove" -> library.curation().removeDocument(args[1]);
                case "clear" -> library.curation().clear();
                default -> {
                    System.err.println("unknown command: " + args[0]);
                    System.exit(2);
                }
            }
        }
    }
}
