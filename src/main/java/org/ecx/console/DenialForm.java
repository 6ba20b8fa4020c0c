package org.ecx.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecx.access.Distribution;
import org.ecx.access.DistributionScope;
import org.ecx.common.EcxException;
import org.ecx.denial.DecisionType;
import org.ecx.denial.DenialRequest;
import org.ecx.denial.DenialView;
import org.ecx.denial.PartyRole;

/**
 * The post and amend form of a denial as typed: the denial's own fields, its first party and first item, and its
 * distribution. Building a request keeps what the form does not show from the version being amended (further
 * parties and items, aliases, identifiers, values, regime references, releasability); a new denial gets the API's
 * defaults for them (releasability: the notifying state only). The result is bean-validated like a JSON body.
 */
public record DenialForm(String nationalReference, String decisionType, String decisionDate,
        String destinationCountry, String endUse, String reasons, String rationale, String contact,
        String licenceApplicationRef, String partyRole, String partyName, String partyCountry, String partyAddress,
        String controlEntry, String itemDescription, String quantity, String distributionScope,
        String distributionRegime, String distributionStates) {

    /** An empty form for a new denial. */
    static DenialForm blank() {
        return new DenialForm(null, "DENIAL", null, null, null, null, null, null, null, "END_USER", null, null, null,
                null, null, null, "ALL_PARTNERS", null, null);
    }

    /** The form filled in from the notifying state's own (unredacted) view of the current version. */
    static DenialForm of(DenialView v) {
        DenialRequest.Party p = v.parties().get(0);
        DenialRequest.Item i = v.items().get(0);
        Distribution d = v.distribution();
        return new DenialForm(v.nationalReference(), v.decisionType().name(), v.decisionDate().toString(),
                v.destinationCountry(), v.endUse(), v.reasons() == null ? null : String.join(", ", v.reasons()),
                v.rationale(), v.contact(), v.licenceApplicationRef(), p.role().name(), p.name(), p.country(),
                p.address(), i.controlEntry(), i.description(), i.quantity(), d.scope().name(), d.regime(),
                d.states() == null ? null : String.join(", ", d.states()));
    }

    /** A new denial's content. */
    DenialRequest toRequest() {
        return build(new DenialRequest.Party(ConsoleContext.choice(PartyRole.class, "parties[0].role", partyRole),
                        text(partyName), null, text(partyAddress), upper(partyCountry), null),
                new DenialRequest.Item(text(controlEntry), null, text(itemDescription), text(quantity), null),
                List.of(), List.of(), null, null);
    }

    /** The amended content: this form over {@code current}, the notifying state's view of the version amended. */
    DenialRequest amending(DenialView current) {
        DenialRequest.Party p = current.parties().get(0);
        DenialRequest.Item i = current.items().get(0);
        return build(new DenialRequest.Party(ConsoleContext.choice(PartyRole.class, "parties[0].role", partyRole), text(partyName),
                        p.aliases(), text(partyAddress), upper(partyCountry), p.identifiers()),
                new DenialRequest.Item(text(controlEntry), i.listEdition(), text(itemDescription), text(quantity),
                        i.value()),
                current.parties().subList(1, current.parties().size()),
                current.items().subList(1, current.items().size()), current.regimeReferences(),
                current.releasability());
    }

    private DenialRequest build(DenialRequest.Party party, DenialRequest.Item item,
            List<DenialRequest.Party> moreParties, List<DenialRequest.Item> moreItems,
            List<DenialRequest.RegimeReference> regimeReferences, org.ecx.denial.Releasability releasability) {
        List<DenialRequest.Party> parties = new ArrayList<>(List.of(party));
        parties.addAll(moreParties);
        List<DenialRequest.Item> items = new ArrayList<>(List.of(item));
        items.addAll(moreItems);
        DistributionScope scope = ConsoleContext.choice(DistributionScope.class, "distribution.scope", distributionScope);
        Distribution distribution = new Distribution(scope,
                scope == DistributionScope.REGIME ? upper(distributionRegime) : null,
                scope == DistributionScope.STATES ? list(distributionStates) : null);
        return new DenialRequest(text(nationalReference), regimeReferences,
                ConsoleContext.choice(DecisionType.class, "decisionType", decisionType), date(decisionDate), items, parties,
                upper(destinationCountry), text(endUse), list(reasons), text(rationale), text(contact),
                text(licenceApplicationRef), distribution, releasability);
    }

    public List<String> decisionTypes() {
        return names(DecisionType.values());
    }

    public List<String> partyRoles() {
        return names(PartyRole.values());
    }

    public List<String> scopes() {
        return names(DistributionScope.values());
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static LocalDate date(String value) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw EcxException.invalid("decisionDate", "must be a date (YYYY-MM-DD)");
        }
    }

    private static String text(String value) {
        return ConsoleContext.blankToNull(value);
    }

    private static String upper(String value) {
        String v = text(value);
        return v == null ? null : v.toUpperCase(java.util.Locale.ROOT);
    }

    /** Comma- or space-separated codes; none → null, so that a required list is reported as missing. */
    private static List<String> list(String value) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        return Arrays.stream(v.split("[,\\s]+")).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(java.util.Locale.ROOT)).toList();
    }
}
