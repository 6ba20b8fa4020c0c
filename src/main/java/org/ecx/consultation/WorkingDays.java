package org.ecx.consultation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Set;

/**
 * Working-day arithmetic for consultation clocks: Monday to Friday, minus the consulted state's holidays
 * (dates in UTC). {@code N} working days after an instant is the same time of day on the N-th working day
 * after its date: opened Monday 10:00 with no holidays, 10 working days → the Monday two weeks later, 10:00.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate day, Collection<LocalDate> holidays) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    public static Instant after(Instant start, int workingDays, Collection<LocalDate> holidays) {
        Set<LocalDate> off = Set.copyOf(holidays);
        ZonedDateTime t = start.atZone(ZoneOffset.UTC);
        int counted = 0;
        while (counted < workingDays) {
            t = t.plusDays(1);
            if (isWorkingDay(t.toLocalDate(), off)) {
                counted++;
            }
        }
        return t.toInstant();
    }
}
