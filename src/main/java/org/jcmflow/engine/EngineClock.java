package org.jcmflow.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's clock is the engine's: the case record's times, the due dates and the engine's own task
 * and history times all come from one source. Normally that is the system time; loading a programme history
 * moves it to past dates, so that the case record and the engine agree on when each step happened.
 */
public class EngineClock extends Clock {

    private final ZoneId zone;

    public EngineClock() {
        this(ZoneOffset.UTC);
    }

    private EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new EngineClock(zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Stops the clock at the given moment, for the engine and the application alike, until {@link #resume()}. */
    public void stopAt(Instant moment) {
        ClockUtil.setCurrentTime(Date.from(moment));
    }

    /** Back to the system time. */
    public void resume() {
        ClockUtil.reset();
    }
}
