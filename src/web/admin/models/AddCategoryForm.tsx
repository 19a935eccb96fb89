import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { ErrorBox } from '../../ErrorBox.js';
import { useI18n } from '../../i18n.js';
import { isValidCode, MIN_EXAMPLES, parseExamples, suggestCode } from './category-form.js';
import type { Category } from './model-types.js';
import { messages as m } from './models.messages.js';

interface Department { id: string; code: string; name: string; nameZh: string | null }

/** Name, code, default department and ≥ 5 example complaints (one per line) for a new category. */
export function AddCategoryForm({ onAdded, onCancel }: { onAdded: (c: Category) => void; onCancel: () => void }) {
  const { locale } = useI18n();
  const [departments, setDepartments] = useState<Department[] | null>(null);
  const [name, setName] = useState('');
  const [nameZh, setNameZh] = useState('');
  const [code, setCode] = useState('');
  const [codeTouched, setCodeTouched] = useState(false);
  const [department, setDepartment] = useState('');
  const [examplesText, setExamplesText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    api.get<{ items: Department[] }>('/api/v1/departments')
      .then((r) => live && setDepartments(r.items))
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, []);

  // The code follows the English name until the admin types one of their own.
  const effectiveCode = codeTouched ? code : suggestCode(name);
  const examples = parseExamples(examplesText);
  const valid = name.trim() !== '' && isValidCode(effectiveCode) && department !== '' && examples.length >= MIN_EXAMPLES;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!valid) return;
    setBusy(true);
    setError(null);
    try {
      const body = { code: effectiveCode, name: name.trim(), department, examples, ...(nameZh.trim() ? { nameZh: nameZh.trim() } : {}) };
      onAdded(await api.post<Category>('/api/v1/admin/taxonomy/categories', body));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="models-add-form" onSubmit={(e) => void submit(e)} data-testid="category-form" aria-label={m('models.add.title')}>
      <h3>{m('models.add.title')}</h3>
      <div className="field-row">
        <label className="field">
          <span>{m('models.add.name')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required data-testid="category-name" />
        </label>
        <label className="field">
          <span>{m('models.add.name_zh')}</span>
          <input value={nameZh} onChange={(e) => setNameZh(e.target.value)} maxLength={100} data-testid="category-name-zh" />
        </label>
      </div>
      <div className="field-row">
        <label className="field">
          <span>{m('models.add.code')}</span>
          <input
            value={effectiveCode}
            onChange={(e) => {
              setCodeTouched(true);
              setCode(e.target.value.trim());
            }}
            maxLength={40}
            required
            aria-describedby="category-code-hint"
            aria-invalid={effectiveCode !== '' && !isValidCode(effectiveCode)}
            className="mono"
            data-testid="category-code"
          />
          <small id="category-code-hint" className="muted">{m('models.add.code_hint')}</small>
        </label>
        <label className="field">
          <span>{m('models.add.department')}</span>
          <select value={department} onChange={(e) => setDepartment(e.target.value)} required data-testid="category-department">
            <option value="">{m('models.add.choose')}</option>
            {(departments ?? []).map((d) => (
              <option key={d.id} value={d.code}>{locale === 'zh-CN' && d.nameZh ? d.nameZh : d.name}</option>
            ))}
          </select>
        </label>
      </div>
      <label className="field">
        <span>{m('models.add.examples')}</span>
        <textarea rows={7} value={examplesText} onChange={(e) => setExamplesText(e.target.value)} aria-describedby="category-examples-count" data-testid="category-examples" />
        <small id="category-examples-count" className={examples.length >= MIN_EXAMPLES ? 'muted' : 'models-warn'} data-testid="category-examples-count">
          {m('models.add.examples_count', { count: examples.length, min: MIN_EXAMPLES })}
        </small>
      </label>
      <ErrorBox error={error} />
      <div className="row-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !valid} data-testid="category-submit">{m('models.add.submit')}</button>
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>{m('models.add.cancel')}</button>
      </div>
    </form>
  );
}
