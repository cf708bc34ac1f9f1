package be.hulpwijzer.catalogue.reference;

/** One place name of a postcode: its municipality and the zone it lies in. */
public record PostcodePlace(String place, boolean subMunicipality, String nisCode, String municipality,
                            String zoneCode, String zoneName) {
}
