package be.hulpwijzer.catalogue.reference;

import java.util.List;

/**
 * What a postcode stands for: its places, the distinct municipalities and zones among them, and the point
 * distances are measured from (null if the reference data has none).
 */
public record PostcodeAnswer(String postcode, List<CodeName> municipalities, List<CodeName> zones,
                             List<PostcodePlace> places, PostcodePoint point) {

    static PostcodeAnswer of(String postcode, List<PostcodePlace> places, PostcodePoint point) {
        List<CodeName> municipalities = places.stream().map(p -> new CodeName(p.nisCode(), p.municipality()))
                .distinct().toList();
        List<CodeName> zones = places.stream().map(p -> new CodeName(p.zoneCode(), p.zoneName())).distinct().toList();
        return new PostcodeAnswer(postcode, municipalities, zones, places, point);
    }
}
