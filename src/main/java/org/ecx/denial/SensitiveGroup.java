package org.ecx.denial;

/** The groups of sensitive denial fields that an originator releases separately (SPEC §2). */
public enum SensitiveGroup {
    ADDRESSES, IDENTIFIERS, RATIONALE, CONTACT, LICENCE, QUANTITIES
}
