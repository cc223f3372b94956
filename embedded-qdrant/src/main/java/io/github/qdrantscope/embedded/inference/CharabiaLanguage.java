package io.github.qdrantscope.embedded.inference;

/**
 * The languages whatlang 0.18.0 can detect for a run that decide charabia 0.10.0's segmenter or normalizers
 * ({@code SEGMENTERS} in {@code src/segmenter/mod.rs}, {@code should_normalize} in {@code src/normalizer/*.rs}).
 * charabia detects a run's language only when its script has several segmenters (Cj, Arabic); other runs have
 * none ({@link #NONE}). An Arabic run is Ara, Urd or Pes ({@link WhatlangArabic}).
 */
enum CharabiaLanguage {
    NONE, CMN, JPN, ARA, URD, PES
}
