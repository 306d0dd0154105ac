package io.jobs;

import java.util.Calendar;
import java.util.Date;
import java.util.TimeZone;

/**
 * Time source from the first version of the scheduler, before java.time was allowed.
 *
 * @deprecated use {@link java.time.Clock}; kept until the scheduler is migrated
 */
@Deprecated
public class LegacyClock {

    private final TimeZone zone;
    private long offsetMillis;

    public LegacyClock(TimeZone zone) {
        this.zone = zone;
    }

    public static LegacyClock utc() {
        return new LegacyClock(TimeZone.getTimeZone("UTC"));
    }

    /** Shifts every reading, for tests that need to jump ahead. */
    public void advance(long millis) {
        offsetMillis += millis;
    }

    public long currentTimeMillis() {
        return System.currentTimeMillis() + offsetMillis;
    }

    public Date now() {
        return new Date(currentTimeMillis());
    }

    public Calendar calendar() {
        Calendar calendar = Calendar.getInstance(zone);
        calendar.setTimeInMillis(currentTimeMillis());
        return calendar;
    }

    /** Milliseconds until the next full minute, used to align cron-like jobs. */
    public long millisUntilNextMinute() {
        Calendar next = calendar();
        next.add(Calendar.MINUTE, 1);
        next.set(Calendar.SECOND, 0);
        next.set(Calendar.MILLISECOND, 0);
        return next.getTimeInMillis() - currentTimeMillis();
    }
}
