package be.hulpwijzer.indexer.hsds;

import be.hulpwijzer.catalogue.api.FieldError;
import be.hulpwijzer.catalogue.api.InvalidRequestException;
import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.api.NotFoundException;
import be.hulpwijzer.indexer.hsds.HsdsIds.Kind;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.util.List;

/**
 * The catalogue as an Open Referral HSDS 3.0 API, read-only and public like search: {@code /api/hsds/},
 * services (a page of list items, or one fully nested), organizations, taxonomies and taxonomy terms.
 * Parameters combine with AND; a wrong value is a 400 problem document like the rest of the API.
 */
@Controller("/api/hsds")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
class HsdsController {

    static final int MAX_PER_PAGE = 100;
    private static final int DEFAULT_PER_PAGE = 50;

    private final HsdsCatalogue catalogue;
    private final HsdsTaxonomies taxonomies;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HsdsController.class);

    private final HsdsExport exporter;
    private final java.util.concurrent.ExecutorService background;

    HsdsController(HsdsCatalogue catalogue, HsdsTaxonomies taxonomies, HsdsExport exporter,
                   @jakarta.inject.Named(TaskExecutors.BLOCKING) java.util.concurrent.ExecutorService background) {
        this.background = background;
        this.exporter = exporter;
        this.catalogue = catalogue;
        this.taxonomies = taxonomies;
    }

    @Get
    ObjectNode root(HttpRequest<?> request) {
        ObjectNode root = HsdsServices.JSON.createObjectNode();
        root.put("version", "3.0");
        root.put("profile", "https://github.com/hulpwijzer/hulpwijzer/blob/main/docs/hsds-profile.md");
        root.put("openapi_url", "/api/v1/openapi.yml");
        return root;
    }

    @Get("/services")
    ObjectNode services(@Nullable @QueryValue String search, @Nullable @QueryValue String page,
                        @Nullable @QueryValue("per_page") String perPage, @Nullable @QueryValue("taxonomy_term_id") String term,
                        @Nullable @QueryValue("taxonomy_id") String taxonomy, @Nullable @QueryValue("organization_id") String organization,
                        @Nullable @QueryValue("modified_after") String modifiedAfter, @Nullable @QueryValue String minimal,
                        @Nullable @QueryValue String full) throws IOException {
        HsdsCatalogue.Filter filter = catalogue.filter(search, term, taxonomy, organization, modifiedAfter);
        int number = positive(page, "page", 1, Integer.MAX_VALUE);
        int size = positive(perPage, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE);
        boolean minimalItems = bool(minimal, "minimal");
        boolean fullItems = bool(full, "full");
        HsdsCatalogue.Page found = catalogue.services(filter, number, size);
        ArrayNode contents = HsdsServices.JSON.createArrayNode();
        for (long id : found.ids()) {
            contents.add(minimalItems ? catalogue.minimal(id) : fullItems ? catalogue.service(id) : catalogue.listItem(id));
        }
        return page(found.total(), number, size, contents);
    }

    /**
     * The whole public catalogue: the HSDS tabular data package plus the services as newline-delimited JSON,
     * streamed through a pipe as it is written (never held in memory whole).
     */
    @Get(value = "/export.zip", produces = "application/zip")
    io.micronaut.http.server.types.files.StreamedFile export() throws IOException {
        java.io.PipedInputStream in = new java.io.PipedInputStream(1 << 16);
        java.io.PipedOutputStream pipe = new java.io.PipedOutputStream(in);
        background.execute(() -> {
            try (pipe) {
                exporter.write(pipe);
            } catch (IOException | RuntimeException e) {
                LOG.warn("HSDS export stopped: {}", e.toString());
            }
        });
        return new io.micronaut.http.server.types.files.StreamedFile(in, MediaType.of("application/zip")).attach("hulpwijzer-hsds.zip");
    }

    @Get("/services/{id}")
    ObjectNode service(String id) {
        return HsdsIds.id(Kind.SERVICE, id).filter(catalogue::published).map(catalogue::service)
                .orElseThrow(() -> new NotFoundException(Messages.get("what.module"), id));
    }

    @Get("/service_at_locations")
    ObjectNode places(@Nullable @QueryValue String search, @Nullable @QueryValue String page,
                      @Nullable @QueryValue("per_page") String perPage, @Nullable @QueryValue("taxonomy_term_id") String term,
                      @Nullable @QueryValue("taxonomy_id") String taxonomy, @Nullable @QueryValue("organization_id") String organization,
                      @Nullable @QueryValue("modified_after") String modifiedAfter, @Nullable @QueryValue String postcode,
                      @Nullable @QueryValue String proximity) throws IOException {
        HsdsCatalogue.Filter filter = catalogue.filter(search, term, taxonomy, organization, modifiedAfter);
        HsdsCatalogue.Near near = catalogue.near(postcode, proximity);
        int number = positive(page, "page", 1, Integer.MAX_VALUE);
        int size = positive(perPage, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE);
        HsdsCatalogue.Places found = catalogue.places(filter, near, number, size);
        ArrayNode contents = HsdsServices.JSON.createArrayNode();
        found.places().forEach(p -> catalogue.place(p.module(), p.location()).ifPresent(contents::add));
        return page(found.total(), number, size, contents);
    }

    @Get("/service_at_locations/{id}")
    ObjectNode place(String id) {
        return HsdsIds.place(id).flatMap(p -> catalogue.place(p[0], p[1]))
                .orElseThrow(() -> new NotFoundException(Messages.get("what.serviceAtLocation"), id));
    }

    @Get("/organizations")
    ObjectNode organizations(@Nullable @QueryValue String page, @Nullable @QueryValue("per_page") String perPage) {
        int number = positive(page, "page", 1, Integer.MAX_VALUE);
        int size = positive(perPage, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE);
        HsdsCatalogue.Page found = catalogue.organizations(number, size);
        ArrayNode contents = HsdsServices.JSON.createArrayNode();
        found.ids().forEach(id -> contents.add(catalogue.organization(id)));
        return page(found.total(), number, size, contents);
    }

    @Get("/organizations/{id}")
    ObjectNode organization(String id) {
        return HsdsIds.id(Kind.ORGANIZATION, id).flatMap(catalogue::findOrganization)
                .orElseThrow(() -> new NotFoundException(Messages.get("what.organisation"), id));
    }

    @Get("/taxonomies")
    ObjectNode taxonomies(@Nullable @QueryValue String page, @Nullable @QueryValue("per_page") String perPage) {
        List<ObjectNode> all = HsdsTaxonomies.ALL.stream().map(HsdsServices::taxonomy).toList();
        return slice(all, page, perPage);
    }

    @Get("/taxonomies/{id}")
    ObjectNode taxonomy(String id) {
        return taxonomies.taxonomy(id).map(HsdsServices::taxonomy)
                .orElseThrow(() -> new NotFoundException(Messages.get("what.taxonomy"), id));
    }

    @Get("/taxonomy_terms")
    ObjectNode terms(@Nullable @QueryValue String page, @Nullable @QueryValue("per_page") String perPage,
                     @Nullable @QueryValue("taxonomy_id") String taxonomy) {
        List<ObjectNode> all = taxonomies.terms().values().stream()
                .filter(t -> taxonomy == null || taxonomy.isBlank() || t.taxonomy().id().equalsIgnoreCase(taxonomy.strip()))
                .map(HsdsServices::term).toList();
        return slice(all, page, perPage);
    }

    @Get("/taxonomy_terms/{id}")
    ObjectNode term(String id) {
        HsdsTaxonomies.Term term = taxonomies.terms().get(id.toLowerCase(java.util.Locale.ROOT));
        if (term == null) {
            throw new NotFoundException(Messages.get("what.taxonomyTerm"), id);
        }
        return HsdsServices.term(term);
    }

    private ObjectNode slice(List<ObjectNode> all, @Nullable String page, @Nullable String perPage) {
        int number = positive(page, "page", 1, Integer.MAX_VALUE);
        int size = positive(perPage, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE);
        ArrayNode contents = HsdsServices.JSON.createArrayNode();
        all.stream().skip((long) (number - 1) * size).limit(size).forEach(contents::add);
        return page(all.size(), number, size, contents);
    }

    /** An HSDS page: {@code total_items}, {@code total_pages}, {@code page_number}, {@code size}, first/last/empty and the contents. */
    static ObjectNode page(long total, int number, int perPage, ArrayNode contents) {
        ObjectNode page = HsdsServices.JSON.createObjectNode();
        long pages = total == 0 ? 0 : (total + perPage - 1) / perPage;
        page.put("total_items", total);
        page.put("total_pages", pages);
        page.put("page_number", number);
        page.put("size", contents.size());
        page.put("first_page", number == 1);
        page.put("last_page", number >= pages);
        page.put("empty", contents.isEmpty());
        page.set("contents", contents);
        return page;
    }

    private static int positive(@Nullable String value, String name, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!value.strip().matches("\\d{1,9}") || Integer.parseInt(value.strip()) < 1 || Integer.parseInt(value.strip()) > max) {
            throw invalid(name, Messages.get("hsds.number", name, max));
        }
        return Integer.parseInt(value.strip());
    }

    private static boolean bool(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            return false;
        }
        if (!value.strip().equals("true") && !value.strip().equals("false")) {
            throw invalid(name, Messages.get("search.boolean", name));
        }
        return value.strip().equals("true");
    }

    static InvalidRequestException invalid(String name, String message) {
        return new InvalidRequestException(List.of(new FieldError(name, "invalid.parameter", message)));
    }
}
