package be.hulpwijzer.indexer.signals;

import be.hulpwijzer.catalogue.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.util.List;

/**
 * Signals of missing help: the combinations most often searched, per month, with how many found nothing
 * and how many found nothing with room now. For coordinators and administrators.
 */
@Controller("/api/v1/reports/signals")
@Secured({Roles.ADMIN, Roles.COORDINATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
public class SignalsController {

    private final Signals signals;

    SignalsController(Signals signals) {
        this.signals = signals;
    }

    @Get
    public List<Signals.Signal> signals(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                @Nullable @QueryValue String zone, @QueryValue(defaultValue = "100") int limit) {
        return signals.between(from, to, zone, limit);
    }

}
