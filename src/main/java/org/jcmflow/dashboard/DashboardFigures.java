package org.jcmflow.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jcmflow.casefile.ProgrammeRecordsChanged;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The dashboard's figures, counted once per filter and shown again until the programme's records change: counting
 * them reads every case and its stages (what each case's history adds is kept per case, see V75), while they are
 * read far more often than they change. A change on this node drops them once its transaction has committed; a
 * budget entry, which changes the budget's figures only, has just those counted again with the rest kept. Figures
 * older than {@code jcm.dashboard.figures-max-age} are counted again in any case, for what moves with the clock and
 * for the changes made on other nodes.
 */
@Component
class DashboardFigures {

    /** Filters are a fiscal year and a country: a few hundred at most; more are not kept. */
    private static final int KEPT_AT_MOST = 500;

    /** Figures with the generations of the changes they were counted after. */
    private record Counted(Dashboard dashboard, Instant at, long budgetGeneration) {
    }

    private final DashboardQueries queries;
    private final DashboardProperties properties;
    private final Clock clock;
    private final Map<Dashboard.Filter, Counted> counted = new ConcurrentHashMap<>();
    /** Moves on at each change: figures counted while a change committed are not kept. */
    private final AtomicLong generation = new AtomicLong();
    /** Moves on at each budget entry: the budget's figures counted before it are counted again. */
    private final AtomicLong budgetGeneration = new AtomicLong();

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
        if (kept != null && !kept.at().plus(properties.figuresMaxAge()).isBefore(now)) {
            if (kept.budgetGeneration() == budgetBefore) {
                return kept.dashboard();
            }
            Dashboard dashboard = kept.dashboard().withBudget(queries.budget(fiscalYear, partnerCountry));
            if (generation.get() == before && budgetGeneration.get() == budgetBefore) {
                counted.replace(filter, kept, new Counted(dashboard, kept.at(), budgetBefore));
            }
            return dashboard;
        }
        Dashboard dashboard = queries.dashboard(fiscalYear, partnerCountry);
        if (generation.get() == before && budgetGeneration.get() == budgetBefore) {
            if (counted.size() >= KEPT_AT_MOST) {
                counted.clear();
            }
            counted.put(filter, new Counted(dashboard, now, budgetBefore));
        }
        return dashboard;
    }

    /** After the commit of the change, or at once when it was made outside a transaction. */
    @TransactionalEventListener(fallbackExecution = true)
    void recordsChanged(ProgrammeRecordsChanged change) {
        if (change.records() == ProgrammeRecordsChanged.Records.BUDGET) {
            budgetGeneration.incrementAndGet();
            return;
        }
        generation.incrementAndGet();
        counted.clear();
    }
}
