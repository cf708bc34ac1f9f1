package be.hulpwijzer.catalogue.thesaurus;

import be.hulpwijzer.catalogue.security.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;
import java.util.List;

/**
 * The thesaurus of the field: read by anyone, changed by administrators and coordinators. A change works in
 * search at once, no rebuild: the index holds the words as written, the thesaurus is applied when searching.
 */
@Controller("/api/v1/thesaurus")
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes(MediaType.APPLICATION_JSON)
class ThesaurusController {

    private final ThesaurusEditing thesaurus;

    ThesaurusController(ThesaurusEditing thesaurus) {
        this.thesaurus = thesaurus;
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    List<ThesaurusGroupView> list() {
        return thesaurus.list();
    }

    @Post
    @Secured({Roles.ADMIN, Roles.COORDINATOR})
    HttpResponse<ThesaurusGroupView> add(@Body String body, Authentication who) {
        ThesaurusGroupView added = thesaurus.add(body, who.getName());
        return HttpResponse.created(added, URI.create("/api/v1/thesaurus/" + added.id()));
    }

    @Delete("/{id}")
    @Secured({Roles.ADMIN, Roles.COORDINATOR})
    @Status(HttpStatus.NO_CONTENT)
    void remove(long id, Authentication who) {
        thesaurus.remove(id, who.getName());
    }
}
