import { useCallback, useMemo, useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useApiData } from '../../useApiData.js';
import { AuditTrail } from '../models/AuditTrail.js';
import { CategoriesPanel } from '../models/CategoriesPanel.js';
import type { AuditEntry, Category, ModelVersion, VersionList } from '../models/model-types.js';
import { messages as m } from '../models/models.messages.js';
import { useTraining } from '../models/useTraining.js';
import { VersionDetail } from '../models/VersionDetail.js';
import { VersionsPanel } from '../models/VersionsPanel.js';
import '../models/models.css';

interface User { id: string; name: string }

/** Taxonomy and classifier model versions: add categories, train, compare, activate, roll back, audit. */
export function ModelsTab() {
  const { locale } = useI18n();
  const categories = useApiData<{ items: Category[] }>('/api/v1/admin/taxonomy/categories');
  const versions = useApiData<VersionList>('/api/v1/admin/classifier/models');
  const audit = useApiData<{ items: AuditEntry[] }>('/api/v1/admin/classifier/audit');
  const users = useApiData<{ items: User[] }>('/api/v1/users');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const reloadVersions = versions.reload;
  const reloadAudit = audit.reload;
  const changed = useCallback((text: string) => {
    setNote(text);
    reloadVersions();
    reloadAudit();
  }, [reloadVersions, reloadAudit]);
  const onTrained = useCallback((v: ModelVersion) => {
    changed(m('models.train.done', { version: v.version }));
    setSelectedId(v.id);
  }, [changed]);
  const training = useTraining(onTrained);

  const names = useMemo(() => new Map((categories.data?.items ?? []).map((c) => [c.code, locale === 'zh-CN' && c.nameZh ? c.nameZh : c.name])), [categories.data, locale]);
  const people = useMemo(() => new Map((users.data?.items ?? []).map((u) => [u.id, u.name])), [users.data]);
  const byId = useMemo(() => new Map((versions.data?.items ?? []).map((v) => [v.id, v])), [versions.data]);
  const labelName = useCallback((code: string) => names.get(code) ?? code, [names]);
  const userName = useCallback((id: string | null) => (id ? people.get(id) ?? m('models.audit.unknown_user') : m('models.audit.cli')), [people]);
  const versionOf = useCallback((id: string | null) => (id ? byId.get(id)?.version ?? null : null), [byId]);

  const selected = selectedId ? byId.get(selectedId) ?? null : null;
  const active = versions.data?.items.find((v) => v.status === 'active') ?? null;

  return (
    <div className="models-tab" data-testid="models-tab">
      <VersionsPanel
        list={versions.data}
        error={versions.error}
        reload={reloadVersions}
        selectedId={selectedId}
        onSelect={setSelectedId}
        training={training.state}
        onTrain={(opts) => {
          setNote(null);
          training.start(opts, versions.data?.items[0]?.version ?? 0);
        }}
        note={note}
        onChanged={changed}
      />
      {selected && (
        <VersionDetail
          key={selected.id}
          version={selected}
          active={active}
          labelName={labelName}
          userName={userName}
          onClose={() => setSelectedId(null)}
          onChanged={changed}
        />
      )}
      <div className="models-columns">
        <CategoriesPanel categories={categories.data?.items ?? null} error={categories.error} reload={categories.reload} />
        <AuditTrail items={audit.data?.items ?? null} error={audit.error} reload={reloadAudit} versionOf={versionOf} userName={userName} />
      </div>
    </div>
  );
}
