package org.ecx.controllist;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GET resource method whose JSON representation gets a strong ETag and honours If-None-Match with
 * 304 (applied by {@link StrongEtagFilter}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StrongEtag {
}
