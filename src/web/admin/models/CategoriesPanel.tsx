import { useState } from 'react';
import { departmentLabel, useDepartments } from '../../desk/useDepartments.js';
import { ErrorBox } from '../../ErrorBox.js';
import { useI18n } from '../../i18n.js';
import { AddCategoryForm } from './AddCategoryForm.js';
import type { Category } from './model-types.js';
import { messages as m } from './models.messages.js';

/** The taxonomy: DESIGN §2's categories and the ones admins added, and the form to add one. */
export function CategoriesPanel({ categories, error, reload }: { categories: Category[] | null; error: unknown; reload: () => void }) {
  const { t, locale } = useI18n();
  const { departments } = useDepartments();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  return (
    <section className="card models-card" aria-labelledby="models-categories-title" data-testid="categories-panel">
      <div className="models-card-head">
        <h2 id="models-categories-title">{m('models.categories.title')}</h2>
        {!adding && (
          <button type="button" className="btn" onClick={() => { setAdding(true); setAdded(null); }} data-testid="category-add">
            {m('models.categories.add')}
          </button>
        )}
      </div>
      <p className="muted small">{m('models.categories.intro')}</p>
      {added && <p className="models-note" role="status" data-testid="category-added">{m('models.categories.added_note', { code: added })}</p>}
      {adding && (
        <AddCategoryForm
          onCancel={() => setAdding(false)}
          onAdded={(c) => {
            setAdding(false);
            setAdded(c.code);
            reload();
          }}
        />
      )}
      <ErrorBox error={error} onRetry={reload} />
      {!categories && !error && <p className="empty">{t('common.loading')}</p>}
      {categories && (
        <div className="table-wrap">
          <table className="models-table" data-testid="categories-table">
            <thead>
              <tr>
                <th scope="col">{m('models.categories.code')}</th>
                <th scope="col">{m('models.categories.name')}</th>
                <th scope="col">{m('models.categories.department')}</th>
                <th scope="col">{m('models.categories.kind')}</th>
                <th scope="col" className="num">{m('models.categories.examples')}</th>
              </tr>
            </thead>
            <tbody>
              {categories.map((c) => (
                <tr key={c.code} data-testid={`category-${c.code}`}>
                  <td className="mono">{c.code}</td>
                  <td>{locale === 'zh-CN' && c.nameZh ? c.nameZh : c.name}</td>
                  <td title={c.department}>{departmentLabel(c.department, departments, locale)}</td>
                  <td>{c.builtin ? m('models.categories.builtin') : <span className="badge model-status-draft">{m('models.categories.added')}</span>}</td>
                  <td className="num">{c.builtin ? t('common.none') : c.examples}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
