package org.jcmflow.web;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How pages show times: in the programme office's time zone (Japan by default), the same in both languages,
 * so that a date read aloud in a meeting is the same date for everybody; figures likewise. Templates call it as
 * {@code @display}.
 */
@Component("display")
public class DisplayFormats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Shown for no date, so that an empty cell does not look like a missing value. */
    private static final String NONE = "—";

    private final ZoneId zone;
    private final Clock clock;

    DisplayFormats(@Value("${jcm.portal.time-zone}") ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    public String date(Instant instant) {
        return instant == null ? NONE : DATE.format(instant.atZone(zone));
    }

    public String dateTime(Instant instant) {
        return instant == null ? NONE : DATE_TIME.format(instant.atZone(zone));
    }

    /** A file's size as people read it: 830 B, 12.5 KB, 4.2 MB. */
    public String fileSize(long bytes) {
        DecimalFormat oneDecimal = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT));
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return oneDecimal.format(bytes / 1024.0) + " KB";
        }
        return oneDecimal.format(bytes / (1024.0 * 1024)) + " MB";
    }

    /** A figure with thousands separators and at most one decimal, as the programme's ledger writes them. */
    public String number(Number value) {
        return format("#,##0.#", value);
    }

    /** A count of days, or another figure read in whole units: 4,104, not 4,104.2. */
    public String whole(Number value) {
        return format("#,##0", value);
    }

    /** A share between 0 and 1 as a percentage with one decimal. */
    public String percent(Number share) {
        return format("#,##0.0%", share);
    }

    /** A share between 0 and 1 in whole per cent, as the programme's ledger writes its shares. */
    public String wholePercent(Number share) {
        return format("#,##0%", share);
    }

    private static String format(String pattern, Number value) {
        // a DecimalFormat is not safe to share between threads, and cheap to make
        if (value == null) {
            return NONE;
        }
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** Whole days from one instant to another, or to now while the period is still open. */
    public long days(Instant from, Instant to) {
        return Duration.between(from, to == null ? clock.instant() : to).toDays();
    }
}
