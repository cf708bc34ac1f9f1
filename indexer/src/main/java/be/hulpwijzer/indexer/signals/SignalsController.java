package be.hulpwijzer.indexer.signals;

import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.report.Region;
import be.hulpwijzer.catalogue.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.io.IOException;
import java.time.YearMonth;
import java.util.List;

/**
 * Signals of missing help: the combinations most often searched, per month, with how many found nothing
 * and how many found nothing with room now, for a region (zone or province) and period. For coordinators
 * and administrators.
 */
@Controller("/api/v1/reports/signals")
@Secured({Roles.ADMIN, Roles.COORDINATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
public class SignalsController {

    private final Signals signals;
    private final ReferenceData reference;

    SignalsController(Signals signals, ReferenceData reference) {
        this.signals = signals;
        this.reference = reference;
    }

    @Get
    public List<Signals.Signal> signals(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                        @Nullable @QueryValue String zone, @Nullable @QueryValue String province,
                                        @QueryValue(defaultValue = "100") int limit) {
        return signals.of(Region.of(zone, province, from, to, reference, YearMonth.now()), limit);
    }

    @Get(value = "/csv", produces = "text/csv")
    HttpResponse<String> csv(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
                             @Nullable @QueryValue String zone, @Nullable @QueryValue String province,
                             @QueryValue(defaultValue = "1000") int limit) throws IOException {
        return HttpResponse.ok(SignalsCsv.of(signals(from, to, zone, province, limit), reference)).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"signalen.csv\"");
    }
}
