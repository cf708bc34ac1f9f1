package be.hulpwijzer.catalogue.reference;

import be.hulpwijzer.catalogue.api.FieldError;
import be.hulpwijzer.catalogue.api.InvalidRequestException;
import be.hulpwijzer.catalogue.api.Messages;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.List;

@Controller("/api/v1/reference")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReferenceController {

    private final ReferenceData reference;

    ReferenceController(ReferenceData reference) {
        this.reference = reference;
    }

    @Get("/zones")
    List<Zone> zones() {
        return reference.zones();
    }

    @Get("/life-domains")
    List<CodeName> lifeDomains() {
        return reference.lifeDomains();
    }

    @Get("/module-types")
    List<CodeName> moduleTypes() {
        return reference.moduleTypes();
    }

    @Get("/sectors")
    List<CodeName> sectors() {
        return reference.sectors();
    }

    @Get("/municipalities")
    List<Municipality> municipalities() {
        return reference.municipalities();
    }

    @Get("/postcodes/{postcode}")
    PostcodeAnswer postcode(@PathVariable String postcode) {
        if (!postcode.matches("[0-9]{4}")) {
            throw new InvalidRequestException(List.of(new FieldError("postcode", "postcode.unknown",
                    Messages.get("postcode.unknown", postcode))));
        }
        List<PostcodePlace> places = reference.postcode(postcode);
        if (places.isEmpty()) {
            throw new UnknownPostcodeException(postcode);
        }
        return PostcodeAnswer.of(postcode, places, reference.postcodePoints().get(postcode));
    }
}
