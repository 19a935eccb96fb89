import { defineRoute } from '../../http/define-route.js';
import { idParams } from '../../http/schemas.js';
import { requireRole } from '../auth/require-role.js';
import { loadedModelId } from './active-model.js';
import { activateVersion } from './commands/activate-version.js';
import { rollbackVersion } from './commands/rollback-version.js';
import { trainModelVersion } from './commands/train-version.js';
import { listModelAudit } from './model-audit.js';
import { getVersion, listVersions, versionToApi } from './model-versions.js';
import { trainModelInput } from './training-schema.js';

const ADMIN = ['admin'] as const;
const action = 'manage the classifier';

export const trainingRoutes = [
  defineRoute({
    method: 'POST', url: '/api/v1/admin/classifier/models', tag: 'classifier', auth: 'required',
    summary: 'Train a new classifier model version (admin): {source:"builtin"} = a category model (built-in corpus + agents’ category corrections + added categories’ examples) and a severity model (corpus severities + agents’ severity corrections); {source:"csv", csv, textColumn, labelColumn} = a category-style model from any labelled CSV (no severity model). Stored as a draft with its evaluation (k-fold CV, held-out accuracy, per-class precision/recall; severity: held-out accuracy, per-tier precision/recall, urgent recall); it changes nothing until activated',
    body: trainModelInput,
    response: { status: 201 },
    async handler({ ctx, principal, body }) {
      const admin = requireRole(principal, ADMIN, action);
      return versionToApi(await trainModelVersion(ctx, { kind: 'user', id: admin.userId }, body));
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/admin/classifier/models', tag: 'classifier', auth: 'required',
    summary: 'Model versions, newest first, with their metrics and status (draft / active / retired) (admin)',
    async handler({ ctx, principal }) {
      requireRole(principal, ADMIN, action);
      const items = (await listVersions(ctx.db)).map(versionToApi);
      return { items, nextCursor: null, activeId: items.find((v) => v.status === 'active')?.id ?? null, loadedHere: loadedModelId() ?? null };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/admin/classifier/models/:id', tag: 'classifier', auth: 'required',
    summary: 'One model version with its evaluation (admin)',
    params: idParams,
    async handler({ ctx, principal, params }) {
      requireRole(principal, ADMIN, action);
      return versionToApi(await getVersion(ctx.db, params.id));
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/admin/classifier/models/:id/activate', tag: 'classifier', auth: 'required',
    summary: 'Make a version the active one (admin): its category model and, when it has one, its severity model (else the built-in severity model); the previous one is retired. Labels that are not taxonomy categories (e.g. a CSV of products) → 409 labels_not_in_taxonomy',
    params: idParams,
    async handler({ ctx, principal, params }) {
      const admin = requireRole(principal, ADMIN, action);
      return versionToApi(await activateVersion(ctx, { kind: 'user', id: admin.userId }, params.id));
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/admin/classifier/rollback', tag: 'classifier', auth: 'required',
    summary: 'Re-activate the version that was active before the current one (or the built-in models), both models (admin); none active → 409 nothing_to_roll_back',
    async handler({ ctx, principal }) {
      const admin = requireRole(principal, ADMIN, action);
      const { active, rolledBack } = await rollbackVersion(ctx, { kind: 'user', id: admin.userId });
      return { active: active ? versionToApi(active) : null, rolledBack: versionToApi(rolledBack) };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/admin/classifier/audit', tag: 'classifier', auth: 'required',
    summary: 'Who trained, activated or rolled back which model version, newest first (admin)',
    async handler({ ctx, principal }) {
      requireRole(principal, ADMIN, action);
      return { items: await listModelAudit(ctx.db), nextCursor: null };
    },
  }),
];
