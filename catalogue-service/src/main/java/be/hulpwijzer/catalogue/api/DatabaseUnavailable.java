package be.hulpwijzer.catalogue.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * While PostgreSQL cannot be reached, what needs it (a write, a login, a page of an editor) answers 503 with a
 * Dutch message, within the pool's connection timeout, instead of a 500: search keeps answering from its index
 * meanwhile, and nothing is half-written (the transaction never began, or was rolled back with the connection).
 * Any other database error stays a 500.
 */
final class DatabaseUnavailable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailable.class);

    private DatabaseUnavailable() {
    }

    /** Whether the failure is that the database cannot be reached (no connection, a connection lost, a server shutting down). */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof java.net.ConnectException
                    || t instanceof java.net.SocketException
                    || t instanceof io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException
                    // a connection that could not be had, set up or closed: the first request after the database went
                    // away can still be handed a pooled connection that is dead
                    || t instanceof io.micronaut.data.connection.exceptions.ConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    abstract static class Handler<E extends Throwable> extends ProblemHandlers.PageOrProblem
            implements ExceptionHandler<E, HttpResponse<?>> {

        private final ErrorResponseProcessor<?> errors;

        Handler(@Nullable ErrorPages pages, ErrorResponseProcessor<?> errors) {
            super(pages);
            this.errors = errors;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, E failure) {
            if (!unreachable(failure)) {
                LOG.error("Unexpected error occurred: {}", failure.toString(), failure);
                return errors.processResponse(ErrorContext.builder(request).cause(failure).build(), HttpResponse.serverError());
            }
            LOG.warn("{} {}: the database cannot be reached ({})", request.getMethod(), request.getPath(), failure.toString());
            MutableHttpResponse<?> answer = (MutableHttpResponse<?>) answer(request, new Problem("about:blank",
                    Messages.get("status.503"), 503, Messages.get("database.unreachable"), java.util.List.of()));
            return answer.header("Retry-After", "10");
        }
    }

    @Produces
    @Singleton
    @Requires(classes = io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException.class)
    static final class NoConnection extends Handler<io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException> {
        NoConnection(@Nullable ErrorPages pages, ErrorResponseProcessor<?> errors) {
            super(pages, errors);
        }
    }

    @Produces
    @Singleton
    static final class ConnectionLost extends Handler<io.micronaut.data.connection.exceptions.ConnectionException> {
        ConnectionLost(@Nullable ErrorPages pages, ErrorResponseProcessor<?> errors) {
            super(pages, errors);
        }
    }

    @Produces
    @Singleton
    static final class DataAccess extends Handler<io.micronaut.data.exceptions.DataAccessException> {
        DataAccess(@Nullable ErrorPages pages, ErrorResponseProcessor<?> errors) {
            super(pages, errors);
        }
    }

    @Produces
    @Singleton
    static final class Transaction extends Handler<io.micronaut.transaction.exceptions.TransactionException> {
        Transaction(@Nullable ErrorPages pages, ErrorResponseProcessor<?> errors) {
            super(pages, errors);
        }
    }
}
