package be.hulpwijzer.catalogue.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route that takes a file upload (multipart) larger than the {@link RequestSizeLimit#SMALL} every other
 * request is held to, up to the server's {@code micronaut.server.max-request-size}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface LargeUpload {
}
