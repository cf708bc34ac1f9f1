package be.hulpwijzer.catalogue.reference;

/** An entry of a vocabulary: a stable code for systems, a Dutch name for people. */
public record CodeName(String code, String name) {

    /** The name of a code in a vocabulary, or the code itself when the vocabulary does not know it. */
    public static String nameOf(java.util.List<CodeName> vocabulary, String code) {
        return vocabulary.stream().filter(c -> c.code().equals(code)).map(CodeName::name).findFirst().orElse(code);
    }
}
