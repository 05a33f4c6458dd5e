package cn.duban.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest body an upload endpoint reads: the file's own limit plus {@link
 * UploadLimits#OVERHEAD} for the multipart framing and form fields. A larger body is refused before
 * the multipart parser spools it (by its Content-Length, or counted when it has none), as {@code
 * code} with {@code detail}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface UploadLimit {

    /** The file's limit in bytes. */
    long file();

    String code();

    String detail();
}
