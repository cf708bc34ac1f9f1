package be.hulpwijzer.catalogue.reference;

/**
 * The point (WGS84) a postcode stands for in distances: that of its main place, of its municipality, or
 * the middle of its zone ({@code precision} says which).
 */
public record PostcodePoint(String postcode, double latitude, double longitude, String precision) {
}
