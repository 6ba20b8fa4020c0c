package org.ecx.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ecx.access.Distribution;
import org.ecx.access.DistributionScope;
import org.ecx.common.EcxException;
import org.ecx.denial.DecisionType;
import org.ecx.denial.DenialRequest;
import org.ecx.denial.DenialStatus;
import org.ecx.denial.DenialView;
import org.ecx.denial.PartyRole;
import org.ecx.denial.Release;
import org.ecx.denial.Releasability;
import org.junit.jupiter.api.Test;

class DenialFormTest {

    private static final DenialRequest.Party FIRST = new DenialRequest.Party(PartyRole.END_USER, "First Party",
            List.of("First alias"), "1 Old Road", "AE", List.of(new DenialRequest.Identifier("REGISTRATION", "R-1")));
    private static final DenialRequest.Party SECOND = new DenialRequest.Party(PartyRole.CONSIGNEE, "Second Party",
            null, null, "OM", null);
    private static final DenialRequest.Item ITEM = new DenialRequest.Item("3A001.a.1", "SAMPLE-DU:2025-01",
            "Circuits", "5 units", new DenialRequest.Money(new BigDecimal("100.00"), "EUR"));
    private static final DenialRequest.Item OTHER_ITEM = new DenialRequest.Item("5A002", null, null, null, null);
    private static final Releasability RELEASED = new Releasability(new Release(Release.Kind.STATES, List.of("FR")),
            null, Release.DISTRIBUTION, null, null, null);

    private static DenialView current() {
        return new DenialView(UUID.randomUUID(), "DE", "DE-1", List.of(new DenialRequest.RegimeReference("NSG", "N-1")),
                DecisionType.DENIAL, LocalDate.of(2026, 11, 2), Instant.EPOCH, Instant.EPOCH, DenialStatus.ACTIVE,
                List.of(ITEM, OTHER_ITEM), List.of(FIRST, SECOND), "AE", "Ground station", List.of("WMD"),
                "Why", "Desk", "LIC-1", new Distribution(DistributionScope.STATES, null, List.of("FR", "JP")),
                RELEASED, null, 4, Instant.EPOCH, List.of(), List.of());
    }

    @Test
    void theAmendFormStartsFromTheCurrentVersionAndChangesOnlyWhatItShows() {
        DenialForm shown = DenialForm.of(current());
        assertThat(shown.distributionStates()).isEqualTo("FR, JP");
        assertThat(shown.reasons()).isEqualTo("WMD");

        DenialForm edited = new DenialForm(shown.nationalReference(), shown.decisionType(), shown.decisionDate(),
                shown.destinationCountry(), "A new end use", "wmd, 7", shown.rationale(), shown.contact(),
                shown.licenceApplicationRef(), shown.partyRole(), shown.partyName(), shown.partyCountry(),
                "2 New Road", shown.controlEntry(), shown.itemDescription(), shown.quantity(),
                shown.distributionScope(), shown.distributionRegime(), shown.distributionStates());
        DenialRequest amended = edited.amending(current());

        assertThat(amended.endUse()).isEqualTo("A new end use");
        assertThat(amended.reasons()).containsExactly("WMD", "7");
        assertThat(amended.parties()).hasSize(2);
        assertThat(amended.parties().get(0).address()).isEqualTo("2 New Road");
        assertThat(amended.parties().get(0).aliases()).isEqualTo(FIRST.aliases());
        assertThat(amended.parties().get(0).identifiers()).isEqualTo(FIRST.identifiers());
        assertThat(amended.parties().get(1)).isEqualTo(SECOND);
        assertThat(amended.items()).containsExactly(ITEM, OTHER_ITEM);
        assertThat(amended.releasability()).isEqualTo(RELEASED);
        assertThat(amended.regimeReferences()).isEqualTo(current().regimeReferences());
        assertThat(amended.distribution()).isEqualTo(current().distribution());
    }

    @Test
    void aNewDenialGetsOnePartyOneItemAndTheDefaultReleasability() {
        DenialForm form = new DenialForm(" DE-9 ", "LIMITATION", "2026-11-20", "ae", "", "diversion", "", null, null,
                "PURCHASER", "Buyer", "ae", " ", "3A001", null, null, "REGIME", "nsg", "FR");
        DenialRequest request = form.toRequest();

        assertThat(request.nationalReference()).isEqualTo("DE-9");
        assertThat(request.decisionType()).isEqualTo(DecisionType.LIMITATION);
        assertThat(request.destinationCountry()).isEqualTo("AE");
        assertThat(request.endUse()).isNull();
        assertThat(request.reasons()).containsExactly("DIVERSION");
        assertThat(request.parties()).containsExactly(
                new DenialRequest.Party(PartyRole.PURCHASER, "Buyer", null, null, "AE", null));
        assertThat(request.items()).containsExactly(new DenialRequest.Item("3A001", null, null, null, null));
        assertThat(request.distribution()).isEqualTo(new Distribution(DistributionScope.REGIME, "NSG", null));
        assertThat(request.releasability()).isNull();
    }

    @Test
    void aBadDateOrAnUnofferedChoiceNamesItsField() {
        DenialForm badDate = new DenialForm("DE-9", "DENIAL", "20.11.2026", "AE", null, "WMD", null, null, null,
                "END_USER", "Buyer", "AE", null, "3A001", null, null, "ALL_PARTNERS", null, null);
        assertThatThrownBy(badDate::toRequest).isInstanceOfSatisfying(EcxException.class,
                e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("decisionDate"));
        DenialForm badScope = new DenialForm("DE-9", "DENIAL", "2026-11-20", "AE", null, "WMD", null, null, null,
                "END_USER", "Buyer", "AE", null, "3A001", null, null, "EVERYONE", null, null);
        assertThatThrownBy(badScope::toRequest).isInstanceOfSatisfying(EcxException.class,
                e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("distribution.scope"));
    }
}
