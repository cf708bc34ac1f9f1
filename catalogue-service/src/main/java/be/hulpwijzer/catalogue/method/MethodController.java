package be.hulpwijzer.catalogue.method;

import be.hulpwijzer.catalogue.api.ConflictException;
import be.hulpwijzer.catalogue.api.FieldError;
import be.hulpwijzer.catalogue.api.InvalidRequestException;
import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.module.ModuleRepository;
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
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;
import java.util.List;

@Controller("/api/v1/methods")
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes(MediaType.APPLICATION_JSON)
class MethodController {

    private final MethodRepository methods;
    private final ModuleRepository modules;

    MethodController(MethodRepository methods, ModuleRepository modules) {
        this.methods = methods;
        this.modules = modules;
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    List<Method> list() {
        return methods.listOrderByName();
    }

    @Get("/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Method show(long id) {
        return methods.get(id);
    }

    @Post
    @be.hulpwijzer.catalogue.security.Audited
    @Secured(Roles.ADMIN)
    HttpResponse<Method> create(@Body String body) {
        MethodInput input = MethodInput.read(JsonFields.parse(body), false);
        requireFreeCode(input.code(), null);
        Method saved = methods.save(input.toMethod(null, null, null));
        return HttpResponse.created(saved, URI.create("/api/v1/methods/" + saved.id()));
    }

    /** The code stays as it is: modules refer to it. */
    @Put("/{id}")
    @be.hulpwijzer.catalogue.security.Audited
    @Secured(Roles.ADMIN)
    Method update(long id, @Body String body) {
        MethodInput input = MethodInput.read(JsonFields.parse(body), true);
        Method current = methods.get(id);
        MethodInput keepingCode = new MethodInput(current.code(), input.name(), input.description(), input.synonyms(),
                input.version());
        return methods.update(keepingCode.toMethod(id, input.version(), current.createdAt()));
    }

    @Delete("/{id}")
    @be.hulpwijzer.catalogue.security.Audited
    @Secured(Roles.ADMIN)
    @Status(HttpStatus.NO_CONTENT)
    void delete(long id) {
        Method method = methods.get(id);
        long users = modules.countUsingMethod(method.code());
        if (users > 0) {
            throw new ConflictException(Messages.get("conflict.methodInUse", users));
        }
        methods.delete(method);
    }

    private void requireFreeCode(String code, Long ownId) {
        methods.findByCode(code).filter(m -> !m.id().equals(ownId)).ifPresent(m -> {
            throw new InvalidRequestException(List.of(new FieldError("code", "method.codeTaken",
                    Messages.get("method.codeTaken", code))));
        });
    }
}
