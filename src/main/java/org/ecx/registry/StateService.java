package org.ecx.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.ecx.access.Caller;
import org.ecx.access.PartnerRegistry;
import org.ecx.access.PartnerState;
import org.ecx.access.RegimesLeft;
import org.ecx.audit.AuditLog;
import org.ecx.common.EcxException;
import org.ecx.common.ErrorCode;
import org.ecx.common.Problem;

/** Changes to the partner registry (admin only), each recorded in the audit log in the same transaction. */
@ApplicationScoped
class StateService {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    @Inject
    PartnerRegistry registry;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public List<StateView> list() {
        return registry.all().stream().map(StateView::of).toList();
    }

    public StateView get(String code) {
        return registry.find(code).map(StateView::of).orElseThrow(EcxException::notFound);
    }

    public record Result(StateView state, boolean created) {
    }

    @Inject
    jakarta.enterprise.event.Event<RegimesLeft> regimesLeft;

    @Transactional
    public Result put(Caller caller, String code, StateUpdate update) {
        if (code == null || !ISO_COUNTRIES.contains(code)) {
            throw EcxException.invalid("code", "must be an ISO 3166-1 alpha-2 code in upper case");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> regimes = new TreeSet<>(update.regimes());
        int i = 0;
        for (String regime : update.regimes()) {
            if (!registry.regimeExists(regime)) {
                errors.add(new Problem.FieldError("regimes[" + i + "]", "unknown regime " + regime));
            }
            i++;
        }
        if (!errors.isEmpty()) {
            throw new EcxException(ErrorCode.UNPROCESSABLE, "The state refers to unknown regimes.", errors);
        }
        if (caller.isOf(code) && !update.active()) {
            throw EcxException.conflict("An administrator cannot deactivate its own state.");
        }
        PartnerState state = PartnerState.findById(code);
        boolean created = state == null;
        if (created) {
            state = new PartnerState();
            state.code = code;
        }
        boolean changed = created || !state.name.equals(update.name()) || state.active != update.active()
                || !new TreeSet<>(state.regimes).equals(regimes);
        if (!changed) {
            return new Result(StateView.of(state), false);
        }
        String action = created ? "STATE_CREATED"
                : state.active && !update.active() ? "STATE_DEACTIVATED"
                : !state.active && update.active() ? "STATE_ACTIVATED"
                : "STATE_UPDATED";
        Set<String> left = new TreeSet<>(state.regimes == null ? Set.of() : state.regimes);
        left.removeAll(regimes);
        state.name = update.name();
        state.active = update.active();
        state.regimes.clear();
        state.regimes.addAll(regimes);
        state.updatedAt = clock.instant();
        state.persistAndFlush();
        audit.record(caller.asActor(), action, "STATE", code, code);
        if (!created && !left.isEmpty()) {
            regimesLeft.fire(new RegimesLeft(code, left));
        }
        return new Result(StateView.of(state), created);
    }
}
