package be.hulpwijzer.catalogue.security;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.utils.SecurityService;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Runs an {@link Audited} write in a transaction that tells the audit triggers who is writing. */
@Singleton
@InterceptorBean(Audited.class)
final class AuditInterceptor implements MethodInterceptor<Object, Object> {

    private final TransactionOperations<Connection> transactions;
    private final SecurityService security;

    AuditInterceptor(TransactionOperations<Connection> transactions, SecurityService security) {
        this.transactions = transactions;
        this.security = security;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        String actor = security.getAuthentication().map(Authentication::getName).orElse("anonymous");
        return transactions.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("select set_config('hulpwijzer.actor', ?, true)")) {
                ps.setString(1, actor);
                ps.execute();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return context.proceed();
        });
    }
}
