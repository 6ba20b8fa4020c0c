package org.ecx.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares which operation of the policy table a resource method performs. {@link AuthorizationFilter}
 * checks it before the request body is read; every non-public resource method carries one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Authorize {
    Permission value();
}
