package org.ecx.consultation;

/** The consulting state's decision on its licence application. */
public enum Outcome {
    LICENCE_GRANTED, LICENCE_DENIED, WITHDRAWN
}
