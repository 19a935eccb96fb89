import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import { DayHours } from './DayHours.js';
import { FieldErrors } from './FieldErrors.js';
import { officeHours, type CalendarForm } from './sla-form.js';
import { messages as m } from './sla.messages.js';

type Extra = CalendarForm['extraWorkdays'];

/** Dates that are open although the week (or a holiday) says closed, each with its own hours. */
export function ExtraWorkdays({ days, onChange, errors }: { days: Extra; onChange: (d: Extra) => void; errors: Record<string, string[]> }) {
  useI18n();
  const [date, setDate] = useState('');
  const taken = days.some((d) => d.date === date);
  return (
    <fieldset className="sla-extra" data-testid="sla-extra">
      <legend>{m('sla.extraWorkdays')}</legend>
      <div className="row-actions">
        <input type="date" value={date} aria-label={m('sla.extraDate')} onChange={(e) => setDate(e.target.value)} />
        <button
          type="button" className="btn btn-small" disabled={!date || taken}
          onClick={() => {
            onChange([...days, { date, hours: officeHours() }].sort((a, b) => a.date.localeCompare(b.date)));
            setDate('');
          }}
        >
          {m('sla.addExtra')}
        </button>
      </div>
      <FieldErrors messages={errors.extraWorkdays} />
      {days.length === 0 ? (
        <p className="muted small">{m('sla.noExtra')}</p>
      ) : (
        <ul className="sla-extra-list">
          {days.map((d, i) => (
            <li key={d.date} className="sla-extra-row">
              <span className="sla-extra-date">{d.date}</span>
              <DayHours
                dayLabel={d.date} hours={d.hours} canClose={false} testId="sla-extra-day" errors={errors[`extraWorkdays.${i}`]}
                onChange={(hours) => onChange(days.map((x, j) => (j === i ? { ...x, hours } : x)))}
              />
              <button type="button" className="btn btn-small btn-ghost" aria-label={m('sla.removeExtra', { date: d.date })} onClick={() => onChange(days.filter((_, j) => j !== i))}>×</button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
