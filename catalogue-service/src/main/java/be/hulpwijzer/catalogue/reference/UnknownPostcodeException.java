package be.hulpwijzer.catalogue.reference;

import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.api.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A well-formed postcode that is not one of Flanders or Brussels: 404. */
final class UnknownPostcodeException extends RuntimeException {

    UnknownPostcodeException(String postcode) {
        super(Messages.get("postcode.unknown", postcode));
    }

    @Produces
    @Singleton
    static final class Handler implements ExceptionHandler<UnknownPostcodeException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, UnknownPostcodeException e) {
            return HttpResponse.<Problem>status(HttpStatus.NOT_FOUND).contentType(Problem.MEDIA_TYPE)
                    .body(Problem.of(404, Messages.get("notFound.title"), e.getMessage()));
        }
    }
}
