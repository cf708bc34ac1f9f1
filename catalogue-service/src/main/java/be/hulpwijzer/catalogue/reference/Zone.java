package be.hulpwijzer.catalogue.reference;

/** An eerstelijnszone in force today. */
public record Zone(String code, String name, String province) {
}
