package be.hulpwijzer.catalogue.reference;

/** An entry of a vocabulary: a stable code for systems, a Dutch name for people. */
public record CodeName(String code, String name) {
}
