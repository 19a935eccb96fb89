import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import { ArticleEditor } from '../kb/ArticleEditor.js';
import { ArticleList, NO_FILTERS, type KbFilters } from '../kb/ArticleList.js';
import type { KbLocale } from '../kb/kb-types.js';
import '../kb/kb.css';

/** Knowledge base: the article list, or one article open in the editor (a new one when id is null). */
export function KbTab() {
  const { locale: uiLocale } = useI18n();
  const [open, setOpen] = useState<{ id: string | null; locale: KbLocale } | null>(null);
  const [filters, setFilters] = useState<KbFilters>(NO_FILTERS);
  return (
    <div className="kb" data-testid="kb-tab">
      {open ? (
        <ArticleEditor
          key={open.id ?? 'new'}
          id={open.id}
          initialLocale={open.locale}
          // The list is fetched afresh when it is shown again: no change signal is needed.
          onClose={() => setOpen(null)}
        />
      ) : (
        <ArticleList
          filters={filters}
          onFilters={setFilters}
          onOpen={(id, locale) => setOpen({ id, locale: locale ?? uiLocale })}
          onNew={() => setOpen({ id: null, locale: uiLocale })}
        />
      )}
    </div>
  );
}
