package org.jcmflow.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Latencies of one kind of request, collected from several threads; percentiles by nearest rank. */
final class Percentiles {

    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

    void record(long startedNanos) {
        nanos.add(System.nanoTime() - startedNanos);
    }

    void clear() {
        nanos.clear();
    }

    int count() {
        return nanos.size();
    }

    /** The given percentile (0 to 100) in milliseconds. */
    double millis(double percentile) {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        long value = sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
        return value / (double) TimeUnit.MILLISECONDS.toNanos(1);
    }
}
