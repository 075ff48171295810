package org.jcmflow.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jcmflow.casefile.ProgrammeRecordsChanged;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The dashboard's figures, kept between changes at two levels. What the cases add is kept per {@link CaseGroup}:
 * a change to a case has its group counted again, and no other, so that the figures right after a step read the
 * cases of one fiscal year and country, not every case. The figures of each filter are the groups summed, kept until
 * the next change; a budget entry has just the budget counted again with the rest kept. Everything is counted again
 * once older than {@code jcm.dashboard.figures-max-age}, for what moves with the clock and for the changes made on
 * other nodes.
 */
@Component
class DashboardFigures {

    /** Filters are a fiscal year and a country: a few hundred at most; more are not kept. */
    private static final int KEPT_AT_MOST = 500;

    /** Figures with the generations of the changes they were counted after. */
    private record Counted(Dashboard dashboard, Instant at, long budgetGeneration) {
    }

    /** Every group's figures, and when they were all counted. */
    private record Groups(Map<CaseGroup, GroupFigures> figures, Instant countedAt) {
    }

    private final DashboardQueries queries;
    private final DashboardProperties properties;
    private final Clock clock;
    private final Map<Dashboard.Filter, Counted> counted = new ConcurrentHashMap<>();
    /** Moves on at each change: figures counted while a change committed are not kept. */
    private final AtomicLong generation = new AtomicLong();
    /** Moves on at each budget entry: the budget's figures counted before it are counted again. */
    private final AtomicLong budgetGeneration = new AtomicLong();
    /** The cases changed since their groups were counted. */
    private final Set<UUID> changedCases = ConcurrentHashMap.newKeySet();
    /** Null until counted, and after a change that may touch any case. */
    private volatile Groups groups;
    /** Moves on at each change that may touch any case: groups counted meanwhile are not kept. */
    private final AtomicLong anyCaseGeneration = new AtomicLong();

    DashboardFigures(DashboardQueries queries, DashboardProperties properties, Clock clock) {
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
    }

    Dashboard of(Integer fiscalYear, String partnerCountry) {
        Dashboard.Filter filter = new Dashboard.Filter(fiscalYear, partnerCountry);
        Counted kept = counted.get(filter);
        Instant now = clock.instant();
        long before = generation.get();
        long budgetBefore = budgetGeneration.get();
        if (kept != null && fresh(kept.at(), now)) {
            if (kept.budgetGeneration() == budgetBefore) {
                return kept.dashboard();
            }
            Dashboard dashboard = kept.dashboard().withBudget(queries.budget(fiscalYear, partnerCountry));
            if (generation.get() == before && budgetGeneration.get() == budgetBefore) {
                counted.replace(filter, kept, new Counted(dashboard, kept.at(), budgetBefore));
            }
            return dashboard;
        }
        Dashboard dashboard = queries.dashboard(fiscalYear, partnerCountry, currentGroups(now));
        if (generation.get() == before && budgetGeneration.get() == budgetBefore) {
            if (counted.size() >= KEPT_AT_MOST) {
                counted.clear();
            }
            counted.put(filter, new Counted(dashboard, now, budgetBefore));
        }
        return dashboard;
    }

    private boolean fresh(Instant countedAt, Instant now) {
        return !countedAt.plus(properties.figuresMaxAge()).isBefore(now);
    }

    /**
     * The groups' figures as the records stand: all of them counted when none are kept or they are too old, else
     * those of the cases changed since counted again. One request counts at a time; the others wait for its count
     * rather than count the same again.
     */
    private synchronized Map<CaseGroup, GroupFigures> currentGroups(Instant now) {
        long anyCaseBefore = anyCaseGeneration.get();
        Groups kept = groups;
        if (kept == null || !fresh(kept.countedAt(), now)) {
            changedCases.clear();
            kept = new Groups(Map.copyOf(queries.groupFigures(null)), now);
            keep(kept, anyCaseBefore);
            return kept.figures();
        }
        if (changedCases.isEmpty()) {
            return kept.figures();
        }
        // taken before counting: a case changed while its group is counted is counted again next time
        Set<UUID> changed = new HashSet<>(changedCases);
        changedCases.removeAll(changed);
        Set<CaseGroup> ofChanged = queries.groupsOf(changed);
        Map<CaseGroup, GroupFigures> figures = new HashMap<>(kept.figures());
        figures.keySet().removeAll(ofChanged);
        figures.putAll(queries.groupFigures(ofChanged));
        kept = new Groups(Map.copyOf(figures), kept.countedAt());
        keep(kept, anyCaseBefore);
        return kept.figures();
    }

    private void keep(Groups counted, long anyCaseBefore) {
        if (anyCaseGeneration.get() == anyCaseBefore) {
            groups = counted;
        }
    }

    /** After the commit of the change, or at once when it was made outside a transaction. */
    @TransactionalEventListener(fallbackExecution = true)
    void recordsChanged(ProgrammeRecordsChanged change) {
        switch (change.records()) {
            case BUDGET -> {
                budgetGeneration.incrementAndGet();
                return;
            }
            case CASE -> changedCases.add(change.caseId());
            case ANY -> {
                anyCaseGeneration.incrementAndGet();
                groups = null;
            }
            case PROGRAMME -> {
                // nothing the cases add: the groups stay, their sums are taken again
            }
        }
        generation.incrementAndGet();
        counted.clear();
    }
}
