package be.hulpwijzer.catalogue.security;

import io.micronaut.aop.Around;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write that runs in one transaction which names its caller to the audit triggers: the audit log then
 * says who made each change, and a failed write leaves nothing behind.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD})
@Around
public @interface Audited {
}
