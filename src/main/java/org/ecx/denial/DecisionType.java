package org.ecx.denial;

public enum DecisionType {
    DENIAL, ANNULMENT, SUSPENSION, LIMITATION, REVOCATION_OF_LICENCE, CATCH_ALL
}
