package io.github.qdrantscope.embedded.inference;

import java.util.List;

/**
 * charabia 0.10.0's choice of segmenter for a run ({@code segmenter()} and {@code SEGMENTERS} in
 * {@code src/segmenter/mod.rs}), with the features Qdrant builds it with (greek, hebrew, thai,
 * chinese-segmentation, chinese-normalization): Cj runs in Chinese go to jieba, Thai runs to the Thai dictionary
 * ({@link ThaiSegmenter}), Arabic runs in Arabic or Persian to the Arabic segmenter; every other run, a Cj run
 * whatlang finds Japanese included (no Japanese segmenter without the japanese feature), keeps its pieces whole
 * (the Latin segmenter, whose camel-case split is a feature Qdrant leaves off).
 */
final class CharabiaSegmenters {

    private CharabiaSegmenters() {
    }

    /** The segments of one piece of a run that is neither a separator nor {@code maybe_number}. */
    static List<String> segment(String piece, CharabiaScript script, CharabiaLanguage language) {
        switch (script) {
            case CJ -> {
                if (language == CharabiaLanguage.CMN) {
                    return ChineseSegmenter.segment(piece);
                }
            }
            case THAI -> {
                return ThaiSegmenter.segment(piece);
            }
            case ARABIC -> {
                if (language == CharabiaLanguage.ARA || language == CharabiaLanguage.PES) {
                    return CharabiaArabic.segment(piece);
                }
            }
            default -> {
            }
        }
        return List.of(piece);
    }
}
