import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import { FieldErrors } from './FieldErrors.js';
import { addHoliday } from './sla-form.js';
import { messages as m } from './sla.messages.js';

/** Closed dates: pick a date, add it; the list stays sorted, each entry removable. */
export function HolidayList({ holidays, onChange, errors }: {
  holidays: string[];
  onChange: (list: string[]) => void;
  /** Keyed "holidays" or "holidays.<index>" (see sla-form errorKey). */
  errors: Record<string, string[]>;
}) {
  useI18n();
  const [date, setDate] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  function add() {
    if (!date) return;
    if (holidays.includes(date)) {
      setNotice(m('sla.holidayExists', { date }));
      return;
    }
    onChange(addHoliday(holidays, date));
    setDate('');
    setNotice(null);
  }
  return (
    <fieldset className="sla-holidays" data-testid="sla-holidays">
      <legend>{m('sla.holidays')}</legend>
      <div className="row-actions">
        <input
          type="date" value={date} aria-label={m('sla.holidayDate')} data-testid="sla-holiday-date"
          onChange={(e) => setDate(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="btn btn-small" onClick={add} disabled={!date} data-testid="sla-holiday-add">{m('sla.addHoliday')}</button>
      </div>
      {notice && <p className="muted small" role="status">{notice}</p>}
      <FieldErrors messages={errors.holidays} />
      {holidays.length === 0 ? (
        <p className="muted small">{m('sla.noHolidays')}</p>
      ) : (
        <ul className="sla-chips">
          {holidays.map((d, i) => (
            <li key={d} className={errors[`holidays.${i}`] ? 'sla-chip sla-invalid' : 'sla-chip'} data-testid="sla-holiday" data-date={d}>
              <span>{d}</span>
              <button type="button" className="sla-chip-remove" aria-label={m('sla.removeHoliday', { date: d })} onClick={() => onChange(holidays.filter((x) => x !== d))}>×</button>
              <FieldErrors messages={errors[`holidays.${i}`]} />
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
