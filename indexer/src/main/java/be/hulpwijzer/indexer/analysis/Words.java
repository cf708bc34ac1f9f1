package be.hulpwijzer.indexer.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words of a text, lower case, accents folded, "'s" of a plural dropped (baby's, huilbaby's), hyphens split. */
public final class Words {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

    private Words() {
    }

    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            String word = QueryText.fold(matcher.group().replaceAll("['’]\\p{L}+$", ""));
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
