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
 * them reads every case, its steps and stages (about a second at 100,000 cases), while they are read far more often
 * than they change. A change on this node drops them once its transaction has committed; figures older than
 * {@code jcm.dashboard.figures-max-age} are counted again in any case, for what moves with the clock and for the
 * changes made on other nodes.
 */
@Component
class DashboardFigures {

    /** Filters are a fiscal year and a country: a few hundred at most; more are not kept. */
    private static final int KEPT_AT_MOST = 500;

    private record Counted(Dashboard dashboard, Instant at) {
    }

    private final DashboardQueries queries;
    private final DashboardProperties properties;
    private final Clock clock;
    private final Map<Dashboard.Filter, Counted> counted = new ConcurrentHashMap<>();
    /** Moves on at each change: figures counted while a change committed are not kept. */
    private final AtomicLong generation = new AtomicLong();

    DashboardFigures(DashboardQueries queries, DashboardProperties properties, Clock clock) {
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
    }

    Dashboard of(Integer fiscalYear, String partnerCountry) {
        Dashboard.Filter filter = new Dashboard.Filter(fiscalYear, partnerCountry);
        Counted kept = counted.get(filter);
        Instant now = clock.instant();
        if (kept != null && !kept.at().plus(properties.figuresMaxAge()).isBefore(now)) {
            return kept.dashboard();
        }
        long before = generation.get();
        Dashboard dashboard = queries.dashboard(fiscalYear, partnerCountry);
        if (generation.get() == before) {
            if (counted.size() >= KEPT_AT_MOST) {
                counted.clear();
            }
            counted.put(filter, new Counted(dashboard, now));
        }
        return dashboard;
    }

    /** After the commit of the change, or at once when it was made outside a transaction. */
    @TransactionalEventListener(fallbackExecution = true)
    void recordsChanged(ProgrammeRecordsChanged change) {
        generation.incrementAndGet();
        counted.clear();
    }
}
