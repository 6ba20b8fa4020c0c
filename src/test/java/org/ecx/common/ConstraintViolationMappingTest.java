package org.ecx.common;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

/** Issue 11, finding 9: only a unique-key race is a retryable 409; other constraint violations are bugs (500). */
class ConstraintViolationMappingTest {

    private static Throwable violation(String sqlState) {
        SQLException sql = new SQLException("violates a constraint", sqlState);
        return new PersistenceException(new ConstraintViolationException("could not execute statement", sql,
                "some_constraint"));
    }

    private static jakarta.ws.rs.core.Response map(Throwable e) {
        return new ProblemMappers().internal(e);
    }

    @Test
    void aUniqueKeyRaceIsAConflictTheClientMayRetry() {
        var response = map(violation("23505"));
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(((Problem) response.getEntity()).detail()).contains("retry");
    }

    @Test
    void aNotNullCheckOrForeignKeyViolationIsALoggedInternalErrorWithAnIncidentId() {
        for (String state : new String[] {"23502", "23514", "23503"}) {
            var response = map(violation(state));
            assertThat(response.getStatus()).as(state).isEqualTo(500);
            assertThat(((Problem) response.getEntity()).detail()).as(state)
                    .matches("An internal error occurred \\(incident [0-9a-f-]{36}\\)\\.");
        }
    }

    @Test
    void aDeadlockOrSerializationFailureIsRetryable() {
        assertThat(map(violation("40P01")).getStatus()).isEqualTo(409);
        assertThat(map(violation("40001")).getStatus()).isEqualTo(409);
    }
}
