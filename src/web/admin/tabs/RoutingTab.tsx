import { useMemo, useState } from 'react';
import { api, ApiError } from '../../api.js';
import { ErrorBox } from '../../ErrorBox.js';
import { useI18n } from '../../i18n.js';
import type { Page } from '../../types.js';
import { useApiData } from '../../useApiData.js';
import { DraftEditor, type Draft } from '../routing/DraftEditor.js';
import { DryRunPanel } from '../routing/DryRunPanel.js';
import { placeRuleErrors, type RuleErrors } from '../routing/rule-errors.js';
import { draftFromRules, draftToRules } from '../routing/rule-form.js';
import type { SummaryContext } from '../routing/rule-summary.js';
import { ROUTING_BASE, type Department, type RuleSetFull, type RuleSetSummary, type SavedRuleSet, type StaffUser } from '../routing/routing-api.js';
import { messages as m } from '../routing/routing.messages.js';
import { SkillsPanel } from '../routing/SkillsPanel.js';
import { TestComplaintBox } from '../routing/TestComplaintBox.js';
import { VersionList } from '../routing/VersionList.js';
import { VersionView } from '../routing/VersionView.js';
import '../routing/routing-admin.css';

interface Notice {
  text: string;
  warnings: SavedRuleSet['warnings'];
}

/**
 * Routing rules: versions (exactly one active), the shown version's rules in words, a draft
 * editor that saves a new version, the dry run over past complaints, activation, and a test box.
 */
export function RoutingTab() {
  const { t, locale } = useI18n();
  const list = useApiData<Page<RuleSetSummary>>(`${ROUTING_BASE}/rulesets`);
  const departments = useApiData<Page<Department>>('/api/v1/departments');
  const users = useApiData<Page<StaffUser>>('/api/v1/users');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  // Keyed by draft rule, not index, so the marks stay on their rules when the admin reorders.
  const [ruleErrors, setRuleErrors] = useState<Record<string, RuleErrors>>({});
  const [generalErrors, setGeneralErrors] = useState<string[]>([]);
  const [badJson, setBadJson] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const versions = list.data?.items ?? [];
  const active = versions.find((v) => v.status === 'active') ?? null;
  const shownId = selectedId ?? active?.id ?? versions[0]?.id ?? null;
  const shown = useApiData<RuleSetFull>(shownId ? `${ROUTING_BASE}/rulesets/${shownId}` : null);
  const shownSet = shown.data && shown.data.id === shownId ? shown.data : null;

  const ctx = useMemo<SummaryContext>(() => {
    const depts = new Map((departments.data?.items ?? []).map((d) => [d.code, locale === 'zh-CN' && d.nameZh ? d.nameZh : d.name]));
    const names = new Map((users.data?.items ?? []).map((u) => [u.id, u.name]));
    return { departmentName: (code) => depts.get(code) ?? code, userName: (id) => names.get(id) ?? id.slice(0, 8) };
  }, [departments.data, users.data, locale]);

  function clearSaveState() {
    setRuleErrors({});
    setGeneralErrors([]);
    setBadJson({});
    setSaveError(null);
  }

  function startDraft(from: RuleSetFull) {
    clearSaveState();
    setNotice(null);
    setDraft({ baseVersion: from.version, rules: draftFromRules(from.rules), note: '' });
  }

  function discardDraft() {
    if (!window.confirm(m('routing.draft.discardConfirm'))) return;
    clearSaveState();
    setDraft(null);
  }

  async function saveDraft() {
    if (!draft) return;
    clearSaveState();
    const { rules, badJson: bad } = draftToRules(draft.rules);
    if (Object.keys(bad).length) {
      setBadJson(bad);
      return;
    }
    setBusy(true);
    try {
      const saved = await api.post<SavedRuleSet>(`${ROUTING_BASE}/rulesets`, { rules, ...(draft.note.trim() ? { note: draft.note.trim() } : {}) });
      setDraft(null);
      setSelectedId(saved.id);
      setNotice({ text: m('routing.draft.saved', { n: saved.version }), warnings: saved.warnings });
      list.reload();
    } catch (err) {
      setSaveError(err);
      if (err instanceof ApiError && (err.code === 'rule_invalid' || err.code === 'rule_loop')) {
        const placed = placeRuleErrors(err.details);
        const sent = draft.rules;
        setRuleErrors(Object.fromEntries(Object.entries(placed.byRule).flatMap(([i, e]) => (sent[Number(i)] ? [[sent[Number(i)]!.key, e]] : []))));
        setGeneralErrors(placed.general);
      }
    } finally {
      setBusy(false);
    }
  }

  async function activate(v: RuleSetFull) {
    if (!window.confirm(m('routing.activateConfirm', { n: v.version }))) return;
    setBusy(true);
    setActionError(null);
    try {
      await api.post(`${ROUTING_BASE}/rulesets/${v.id}/activate`);
      setNotice({ text: m('routing.activated', { n: v.version }), warnings: [] });
      list.reload();
      shown.reload();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  }

  const draftRules = draft
    ? () => {
        const out = draftToRules(draft.rules);
        return Object.keys(out.badJson).length ? null : out.rules;
      }
    : null;

  if (!list.data) return list.error ? <ErrorBox error={list.error} onRetry={list.reload} /> : <p className="empty">{t('common.loading')}</p>;

  return (
    <div className="rt-admin" data-testid="routing-admin">
      <p className="muted">{m('routing.intro')}</p>
      {notice && (
        <div className="rt-notice" role="status" data-testid="routing-notice">
          <span>{notice.text}</span>
          {notice.warnings.length > 0 && (
            <>
              <strong>{m('routing.draft.warnings')}</strong>
              <ul>{notice.warnings.map((w, i) => <li key={i}><code>{w.ruleId}</code>: {w.message}</li>)}</ul>
            </>
          )}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setNotice(null)}>{t('common.close')}</button>
        </div>
      )}
      <ErrorBox error={actionError} />
      <div className="rt-layout">
        <VersionList items={versions} selectedId={shownId} onSelect={(id) => setSelectedId(id)} />
        <div className="rt-main">
          {draft ? (
            <DraftEditor
              draft={draft} onChange={setDraft} onSave={() => void saveDraft()} onDiscard={discardDraft} busy={busy}
              error={saveError} ruleErrors={ruleErrors} generalErrors={generalErrors} badJson={badJson} departments={departments.data?.items ?? []} ctx={ctx}
            />
          ) : shownSet ? (
            <>
              <VersionView ruleSet={shownSet} ctx={ctx} busy={busy} canEdit onEdit={() => startDraft(shownSet)} onActivate={() => void activate(shownSet)} />
              <DryRunPanel key={shownSet.id} ruleSet={shownSet} ctx={ctx} />
            </>
          ) : shown.error ? (
            <ErrorBox error={shown.error} onRetry={shown.reload} />
          ) : shownId ? (
            <p className="empty">{t('common.loading')}</p>
          ) : null}
          <TestComplaintBox selected={draft ? null : shownSet} draftRules={draftRules} ctx={ctx} />
          <SkillsPanel />
        </div>
      </div>
    </div>
  );
}
