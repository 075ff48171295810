package org.jcmflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jcmflow.testsupport.MovableClock;
import org.jcmflow.casefile.ProgrammeRecordsChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DashboardFiguresTest {

    private final DashboardQueries queries = mock(DashboardQueries.class);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-29T03:00:00Z"));
    private final DashboardFigures figures = new DashboardFigures(queries,
            new DashboardProperties(10, 10, Duration.ofMinutes(1)), clock);
    private int counts;

    private static final UUID CASE_IN_VIETNAM_2016 = UUID.randomUUID();
    private static final CaseGroup VIETNAM_2016 = new CaseGroup(2016, "VN", 3);
    private static final CaseGroup THAILAND_2017 = new CaseGroup(2017, "TH", 11);

    @BeforeEach
    void countedFigures() {
        when(queries.dashboard(any(), any(), any())).thenAnswer(call -> dashboard(call.getArgument(0), ++counts));
        when(queries.groupFigures(any())).thenAnswer(call -> {
            Collection<CaseGroup> groups = call.getArgument(0);
            Map<CaseGroup, GroupFigures> counted = new HashMap<>();
            for (CaseGroup group : groups == null ? List.of(VIETNAM_2016, THAILAND_2017) : groups) {
                counted.put(group, new GroupFigures());
            }
            return counted;
        });
        when(queries.groupsOf(Set.of(CASE_IN_VIETNAM_2016))).thenReturn(Set.of(VIETNAM_2016));
    }

    @Test
    void figuresAreCountedOncePerFilterWhileNothingChanges() {
        assertThat(figures.of(null, null).overdueTasks()).isEqualTo(1);
        assertThat(figures.of(null, null).overdueTasks()).isEqualTo(1);
        assertThat(figures.of(2016, "VN").overdueTasks()).isEqualTo(2);
        assertThat(figures.of(2016, "VN").overdueTasks()).isEqualTo(2);

        verify(queries, times(1)).dashboard(eq(null), eq(null), any());
        verify(queries, times(1)).dashboard(eq(2016), eq("VN"), any());
        // what the cases add is counted once, for every filter
        verify(queries, times(1)).groupFigures(null);
    }

    @Test
    void aChangeToACaseHasOnlyItsGroupCountedAgain() {
        figures.of(null, null);
        figures.recordsChanged(ProgrammeRecordsChanged.ofCase(CASE_IN_VIETNAM_2016));

        assertThat(figures.of(null, null).overdueTasks()).isEqualTo(2);
        verify(queries, times(1)).groupFigures(null);
        verify(queries, times(1)).groupFigures(Set.of(VIETNAM_2016));
        // and only once: the next filter sums the groups as they are now
        figures.of(2016, null);
        verify(queries, times(1)).groupFigures(Set.of(VIETNAM_2016));
    }

    @Test
    void aChangeToTheProgrammesOwnRecordsHasTheGroupsSummedAgainNotCounted() {
        figures.of(null, null);
        figures.recordsChanged(ProgrammeRecordsChanged.programme());

        assertThat(figures.of(null, null).overdueTasks()).isEqualTo(2);
        verify(queries, times(1)).groupFigures(any());
    }

    @Test
    void aChangeToTheRecordsHasTheFiguresCountedAgain() {
        figures.of(null, null);
        figures.recordsChanged(new ProgrammeRecordsChanged());

        assertThat(figures.of(null, null).overdueTasks()).isEqualTo(2);
        verify(queries, times(2)).dashboard(eq(null), eq(null), any());
        // a change that may touch any case has every group counted again
        verify(queries, times(2)).groupFigures(null);
    }

    @Test
    void aBudgetEntryHasOnlyTheBudgetCountedAgain() {
        List<Dashboard.BudgetYear> entered = List.of(new Dashboard.BudgetYear(2016, BigDecimal.valueOf(2400),
                BigDecimal.ZERO, BigDecimal.ZERO));
        when(queries.budget(null, null)).thenReturn(entered);
        figures.of(null, null);
        figures.recordsChanged(ProgrammeRecordsChanged.budget());

        Dashboard shown = figures.of(null, null);
        assertThat(shown.budget()).isEqualTo(entered);
        assertThat(shown.overdueTasks()).isEqualTo(1);
        assertThat(figures.of(null, null).budget()).isEqualTo(entered);
        verify(queries, times(1)).dashboard(eq(null), eq(null), any());
        verify(queries, times(1)).budget(null, null);

        // any other change has everything counted again
        figures.recordsChanged(new ProgrammeRecordsChanged());
        assertThat(figures.of(null, null).overdueTasks()).isEqualTo(2);
    }

    @Test
    void figuresOlderThanTheirMaximumAgeAreCountedAgain() {
        figures.of(null, null);
        clock.move(Duration.ofSeconds(59));
        assertThat(figures.of(null, null).overdueTasks()).isEqualTo(1);

        clock.move(Duration.ofSeconds(2));
        assertThat(figures.of(null, null).overdueTasks()).isEqualTo(2);
    }

    @Test
    void figuresCountedWhileAChangeCommittedAreNotKept() {
        when(queries.dashboard(any(), any(), any())).thenAnswer(call -> {
            figures.recordsChanged(new ProgrammeRecordsChanged()); // commits while the figures are counted
            return dashboard(null, ++counts);
        });
        figures.of(null, null);
        figures.of(null, null);

        verify(queries, times(2)).dashboard(eq(null), eq(null), any());
    }

    private static Dashboard dashboard(Integer fiscalYear, long marker) {
        return new Dashboard(new Dashboard.Filter(fiscalYear, null), new Dashboard.Pipeline(Map.of(), List.of()),
                null, null, null, List.of(), marker, List.of());
    }
}
