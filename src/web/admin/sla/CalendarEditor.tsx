import { useId, useMemo } from 'react';
import { useI18n } from '../../i18n.js';
import { DayHours } from './DayHours.js';
import { ExtraWorkdays } from './ExtraWorkdays.js';
import { FieldErrors } from './FieldErrors.js';
import { HolidayList } from './HolidayList.js';
import { WEEKDAYS, type CalendarForm } from './sla-form.js';
import { messages as m } from './sla.messages.js';

/** Time zones the browser knows, for suggestions only: the server decides what is valid. */
function knownZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** 24×7, or weekly hours per weekday + holidays + extra workdays in one IANA time zone. */
export function CalendarEditor({ value, onChange, errors }: {
  value: CalendarForm;
  onChange: (c: CalendarForm) => void;
  errors: Record<string, string[]>;
}) {
  useI18n();
  const id = useId();
  const zones = useMemo(knownZones, []);
  const set = (patch: Partial<CalendarForm>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="sla-calendar" data-testid="sla-calendar">
      <legend>{m('sla.calendar')}</legend>
      <div className="sla-modes" role="radiogroup" aria-label={m('sla.mode')}>
        {(['24x7', 'business_hours'] as const).map((mode) => (
          <label key={mode} className="check">
            <input type="radio" name={`${id}-mode`} value={mode} checked={value.mode === mode} data-testid={`sla-mode-${mode}`} onChange={() => set({ mode })} />
            {m(`sla.mode.${mode}`)}
          </label>
        ))}
      </div>
      <FieldErrors messages={errors.calendar} />
      {value.mode === 'business_hours' && (
        <>
          <label className="field sla-timezone">
            <span>{m('sla.timezone')}</span>
            <input
              type="text" list={`${id}-zones`} value={value.timezone} spellCheck={false} autoComplete="off"
              aria-invalid={errors.timezone ? true : undefined} aria-describedby={`${id}-tz-hint`} data-testid="sla-timezone"
              onChange={(e) => set({ timezone: e.target.value })}
            />
            <datalist id={`${id}-zones`}>{zones.map((z) => <option key={z} value={z} />)}</datalist>
            <small className="muted" id={`${id}-tz-hint`}>{m('sla.timezoneHint')}</small>
            <FieldErrors messages={errors.timezone} />
          </label>
          <fieldset className="sla-weekly" data-testid="sla-weekly">
            <legend>{m('sla.weekly')}</legend>
            <div className="sla-week-grid">
              {WEEKDAYS.map((d) => (
                <div className="sla-week-row" key={d} data-day={d}>
                  <span className="sla-week-day">{m(`sla.day.${d}`)}</span>
                  <DayHours
                    dayLabel={m(`sla.day.${d}`)} hours={value.weekly[d]} testId={`sla-day-${d}`} errors={errors[`weekly.${d}`]}
                    onChange={(hours) => set({ weekly: { ...value.weekly, [d]: hours } })}
                  />
                </div>
              ))}
            </div>
            <div className="row-actions">
              <button
                type="button" className="btn btn-small" data-testid="sla-copy-monday"
                onClick={() => {
                  const mon = value.weekly.mon;
                  set({ weekly: { ...value.weekly, tue: [...mon], wed: [...mon], thu: [...mon], fri: [...mon] } });
                }}
              >
                {m('sla.copyMonday')}
              </button>
              <small className="muted">{m('sla.midnightHint')}</small>
            </div>
          </fieldset>
          <HolidayList holidays={value.holidays} errors={errors} onChange={(holidays) => set({ holidays })} />
          <ExtraWorkdays days={value.extraWorkdays} errors={errors} onChange={(extraWorkdays) => set({ extraWorkdays })} />
        </>
      )}
    </fieldset>
  );
}
