package org.ecx.recognition;

/** Kinds of export licence a recognition may cover (SPEC §7). */
public enum LicenceType {
    INDIVIDUAL, GLOBAL, GENERAL
}
