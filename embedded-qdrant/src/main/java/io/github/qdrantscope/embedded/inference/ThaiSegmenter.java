package io.github.qdrantscope.embedded.inference;

import java.util.List;

/**
 * charabia 0.10.0's {@code ThaiSegmenter} ({@code src/segmenter/thai.rs}): an {@link FstSegmenter} over the
 * 62,055 words of {@code dictionaries/fst/thai/words.fst} (extracted into {@code thai/words.txt.gz} beside this
 * class, see its README) buffering one character at most, so a character that starts no word is a segment of its
 * own. {@code Script::Thai} has this one segmenter in {@code SEGMENTERS}, so no language is detected for it. The
 * dictionary is read on first use.
 */
final class ThaiSegmenter {

    static final String WORDS = "thai/words.txt.gz";

    private ThaiSegmenter() {
    }

    private static final class Holder {
        static final FstSegmenter SEGMENTER = new FstSegmenter(FstWords.load(WORDS), 1);
    }

    static List<String> segment(String piece) {
        return Holder.SEGMENTER.segment(piece);
    }
}
