package org.ecx.denial;

public enum PartyRole {
    END_USER, CONSIGNEE, INTERMEDIARY, PURCHASER
}
