package org.ecx.consultation;

/** The consulted state's position; DEEMED_NO_OBJECTION is only ever set by ECX when the reply is overdue. */
public enum Position {
    OBJECTS, NO_OBJECTION, NEEDS_INFORMATION, DEEMED_NO_OBJECTION
}
