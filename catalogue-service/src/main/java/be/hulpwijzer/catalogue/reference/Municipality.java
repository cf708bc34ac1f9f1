package be.hulpwijzer.catalogue.reference;

import java.util.List;

/** A municipality in force today, with the zone(s) it lies in (Antwerp lies in four). */
public record Municipality(String nisCode, String name, String province, List<String> zones) {
}
