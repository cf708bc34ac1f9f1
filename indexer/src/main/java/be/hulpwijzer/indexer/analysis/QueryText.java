package be.hulpwijzer.indexer.analysis;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Prepares what someone typed for analysis: splits compounds that are wholly made of known parts
 * ("thuisbegeleiding" becomes "thuis begeleiding", so it also finds the two words apart) and drops
 * function words ("hulp voor jongeren" must not require "voor").
 */
public final class QueryText {

    /** Linking sounds between compound parts: gezin-s-ondersteuning, kinder-en-... */
    private static final List<String> LINKS = List.of("", "s", "e", "en");
    private static final int MIN_PART = 3;

    private final Set<String> parts;
    private final Set<String> stopwords;

    public QueryText(Vocabulary vocabulary) {
        this.parts = vocabulary.compoundParts();
        this.stopwords = vocabulary.stopwords();
    }

    public String prepare(String text) {
        List<String> out = new ArrayList<>();
        for (String word : text.split("\\s+")) {
            String folded = fold(word);
            if (folded.isEmpty() || stopwords.contains(folded)) {
                continue;
            }
            List<String> split = folded.matches("[a-z]+") ? split(folded) : null;
            out.add(split == null ? word : String.join(" ", split));
        }
        return String.join(" ", out);
    }

    /** The parts that cover the whole word, at least two; null when it does not split. */
    List<String> split(String word) {
        List<String> result = cover(word, 0);
        return result != null && result.size() >= 2 ? result : null;
    }

    private List<String> cover(String word, int from) {
        if (from == word.length()) {
            return new ArrayList<>();
        }
        for (int end = word.length(); end >= from + MIN_PART; end--) {
            String part = word.substring(from, end);
            if (!parts.contains(part)) {
                continue;
            }
            for (String link : LINKS) {
                if (word.startsWith(link, end)) {
                    List<String> rest = cover(word, end + link.length());
                    if (rest != null) {
                        rest.add(0, part);
                        return rest;
                    }
                }
            }
        }
        return null;
    }

    static String fold(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
    }
}
