package be.hulpwijzer.indexer.analysis;

import org.apache.lucene.analysis.hunspell.Dictionary;
import org.apache.lucene.analysis.hunspell.Hunspell;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Word forms to their dictionary form by Lucene's Hunspell support and OpenTaal's Dutch dictionary
 * (analysis/hunspell-nl, BSD or CC BY 3.0): verb forms to their stem (spijbelt, spijbelde to spijbel; blowt to
 * blow), plurals to the singular (angsten to angst). Used where a typed word is taken to its family, on the
 * query side only. The dictionary (7 MB in memory, under a second to load) is loaded once per JVM, when first used.
 */
public final class Lemmas {

    private static final int MIN_WORD = 4;

    private final ThreadLocal<Hunspell> hunspell = ThreadLocal.withInitial(() -> new Hunspell(Holder.DICTIONARY));

    /** The shortest dictionary form of a lower-case word, when the dictionary knows it and it differs. */
    public Optional<String> of(String word) {
        if (word.length() < MIN_WORD || !word.chars().allMatch(Character::isLetter)) {
            return Optional.empty();
        }
        List<String> stems = hunspell.get().getRoots(word);
        return stems.stream().filter(s -> !s.equals(word) && s.length() >= 3)
                .filter(s -> s.equals(s.toLowerCase(java.util.Locale.ROOT)))
                .min(Comparator.comparingInt(String::length));
    }

    /** Whether the dictionary knows this lower-case word written with a capital: a first name or surname (Peeters, Roos, Vos). */
    public static boolean isProperName(String word) {
        return Names.LOWER_CASED.contains(word);
    }

    private static final class Names {
        static final java.util.Set<String> LOWER_CASED = load();

        private static java.util.Set<String> load() {
            java.util.Set<String> names = new java.util.HashSet<>();
            try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                    Holder.open("nl.dic.gz"), java.nio.charset.StandardCharsets.UTF_8))) {
                in.lines().filter(l -> !l.isEmpty() && Character.isUpperCase(l.charAt(0)))
                        .map(l -> l.split("/", 2)[0].toLowerCase(java.util.Locale.ROOT)).forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return java.util.Set.copyOf(names);
        }
    }

    private static final class Holder {
        static final Dictionary DICTIONARY = load();

        private static Dictionary load() {
            try (InputStream aff = open("nl.aff.gz"); InputStream dic = open("nl.dic.gz")) {
                return new Dictionary(new ByteBuffersDirectory(), "hunspell", aff, dic);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ParseException e) {
                throw new IllegalStateException("cannot read the Hunspell dictionary", e);
            }
        }

        private static InputStream open(String file) throws IOException {
            InputStream raw = Lemmas.class.getResourceAsStream("/analysis/hunspell-nl/" + file);
            if (raw == null) {
                throw new IllegalStateException("missing Hunspell file " + file);
            }
            return new GZIPInputStream(raw);
        }
    }
}
