import { useState } from 'react';
import { ApiError, request } from '../../api.js';
import { ErrorBox } from '../../ErrorBox.js';
import { useI18n } from '../../i18n.js';
import type { Page } from '../../types.js';
import { useApiData } from '../../useApiData.js';
import { splitList } from './rule-form.js';
import { ROUTING_BASE } from './routing-api.js';
import { messages as m } from './routing.messages.js';

interface Person {
  id: string;
  name: string;
  role: string;
  skills: string[];
  team: string | null;
}

function PersonRow({ person: loaded }: { person: Person }) {
  const { tEnum } = useI18n();
  // What is stored: the loaded row, then whatever the last save answered.
  const [person, setPerson] = useState(loaded);
  const [skills, setSkills] = useState(loaded.skills.join(', '));
  const [team, setTeam] = useState(loaded.team ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const dirty = skills.trim() !== person.skills.join(', ') || team.trim() !== (person.team ?? '');

  async function save() {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const stored = await request<Pick<Person, 'id' | 'skills' | 'team'>>('PUT', `${ROUTING_BASE}/users/${person.id}`, { skills: splitList(skills), team: team.trim() || null });
      setPerson({ ...person, ...stored });
      setSkills(stored.skills.join(', '));
      setTeam(stored.team ?? '');
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <tr data-testid="routing-skill-row" data-user={person.id}>
      <td>{person.name}</td>
      <td>{tEnum('role', person.role)}</td>
      <td>
        <input type="text" value={skills} aria-label={m('routing.skills.skillsFor', { name: person.name })} onChange={(e) => { setSkills(e.target.value); setSaved(false); }} />
      </td>
      <td>
        <input type="text" value={team} aria-label={m('routing.skills.teamFor', { name: person.name })} onChange={(e) => { setTeam(e.target.value); setSaved(false); }} />
      </td>
      <td>
        <button type="button" className="btn btn-small" disabled={busy || !dirty} aria-label={m('routing.skills.saveFor', { name: person.name })} onClick={() => void save()}>
          {m('routing.skills.save')}
        </button>
        {saved && !dirty && <span className="rt-saved" role="status"> {m('routing.skills.saved')}</span>}
        {error !== null && (error instanceof ApiError && error.details.length ? <ul className="rt-errors" role="alert">{error.details.map((d, i) => <li key={i}>{String(d.message)}</li>)}</ul> : <ErrorBox error={error} />)}
      </td>
    </tr>
  );
}

/** Who can be picked by team / by skill: set each person's skills and team (PUT users/:id). */
export function SkillsPanel() {
  const { t } = useI18n();
  const { data, error, reload } = useApiData<Page<Person>>(`${ROUTING_BASE}/users`);
  const [filter, setFilter] = useState('');
  const q = filter.trim().toLowerCase();
  const people = (data?.items ?? []).filter((p) => !q || p.name.toLowerCase().includes(q) || (p.team ?? '').toLowerCase().includes(q) || p.skills.some((s) => s.toLowerCase().includes(q)));
  return (
    <details className="card rt-skills" data-testid="routing-skills">
      <summary>
        <h2>{m('routing.skills.title')}</h2>
        {data && <span className="muted small">{m('routing.skills.count', { n: data.items.length })}</span>}
      </summary>
      <p className="muted small">{m('routing.skills.intro')}</p>
      {!data ? (
        error ? <ErrorBox error={error} onRetry={reload} /> : <p className="empty">{t('common.loading')}</p>
      ) : (
        <>
          <input type="search" value={filter} placeholder={m('routing.skills.filter')} aria-label={m('routing.skills.filter')} className="rt-skills-filter" onChange={(e) => setFilter(e.target.value)} />
          {people.length === 0 ? <p className="empty">{m('routing.skills.empty')}</p> : (
            <div className="table-wrap">
              <table className="complaint-table rt-skills-table">
                <thead>
                  <tr>
                    <th scope="col">{m('routing.skills.name')}</th>
                    <th scope="col">{m('routing.skills.role')}</th>
                    <th scope="col">{m('routing.skills.skills')}</th>
                    <th scope="col">{m('routing.skills.team')}</th>
                    <th scope="col"><span className="sr-only">{m('routing.skills.save')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {people.map((p) => <PersonRow key={p.id} person={p} />)}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </details>
  );
}
