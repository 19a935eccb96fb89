import { useI18n } from '../../i18n.js';
import { FieldErrors } from './FieldErrors.js';
import { nextInterval, officeHours, type HoursForm } from './sla-form.js';
import { messages as m } from './sla.messages.js';

/**
 * One day's opening hours: open/closed, then one row per interval (a lunch break is two
 * intervals). Used for each weekday and for extra workdays.
 */
export function DayHours({ dayLabel, hours, onChange, errors, testId, canClose = true }: {
  dayLabel: string;
  hours: HoursForm[];
  onChange: (h: HoursForm[]) => void;
  errors?: readonly string[];
  testId: string;
  /** Extra workdays always have hours: the checkbox would only produce an invalid entry. */
  canClose?: boolean;
}) {
  useI18n();
  const open = hours.length > 0;
  const set = (i: number, patch: Partial<HoursForm>) => onChange(hours.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  return (
    <div className={`sla-day${errors?.length ? ' sla-invalid' : ''}`} data-testid={testId} data-open={open}>
      {canClose && (
        <label className="check sla-day-open">
          <input
            type="checkbox" checked={open} aria-label={m('sla.openDay', { day: dayLabel })} data-testid={`${testId}-open`}
            onChange={(e) => onChange(e.target.checked ? officeHours() : [])}
          />
          <span aria-hidden="true">{open ? m('sla.open') : m('sla.closed')}</span>
        </label>
      )}
      <div className="sla-intervals">
        {hours.map((h, i) => (
          <div className="sla-interval" key={i} data-testid={`${testId}-interval`}>
            <input
              type="time" value={h.open} aria-label={`${dayLabel}: ${m('sla.opensAt')}`} data-testid={`${testId}-from`}
              onChange={(e) => set(i, { open: e.target.value })}
            />
            <span aria-hidden="true">–</span>
            <input
              type="time" value={h.close} aria-label={`${dayLabel}: ${m('sla.closesAt')}`} data-testid={`${testId}-to`}
              onChange={(e) => set(i, { close: e.target.value })}
            />
            {(hours.length > 1 || !canClose) && (
              <button
                type="button" className="btn btn-small btn-ghost"
                aria-label={m('sla.removeIntervalFor', { day: dayLabel, open: h.open, close: h.close })}
                onClick={() => onChange(hours.filter((_, j) => j !== i))}
              >
                {m('sla.removeInterval')}
              </button>
            )}
          </div>
        ))}
        {(open || !canClose) && (
          <button
            type="button" className="btn btn-small btn-ghost sla-add-interval" aria-label={m('sla.addIntervalFor', { day: dayLabel })}
            onClick={() => onChange([...hours, nextInterval(hours)])}
          >
            + {m('sla.addInterval')}
          </button>
        )}
      </div>
      <FieldErrors messages={errors} />
    </div>
  );
}
