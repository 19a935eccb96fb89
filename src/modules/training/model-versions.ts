/** The classifier_models table: one row per trained version (SQL kept here, reviewable). */
import type { Queryable } from '../../db/database.js';
import { notFound } from '../../errors.js';
import type { ModelMetrics } from './evaluate.js';

export type ModelStatus = 'draft' | 'active' | 'retired';

export interface ModelVersionRow {
  id: string;
  version: number;
  source: 'builtin' | 'csv';
  source_detail: Record<string, unknown>;
  labels: string[];
  training_size: number;
  metrics: ModelMetrics;
  /** It carries a severity model (built-in source); false: the built-in severity model applies while it is active. */
  has_severity_model: boolean;
  status: ModelStatus;
  created_by: string | null;
  created_at: Date;
  activated_at: Date | null;
}

export interface ModelVersionDto {
  id: string;
  version: number;
  source: 'builtin' | 'csv';
  sourceDetail: Record<string, unknown>;
  labels: string[];
  trainingSize: number;
  metrics: ModelMetrics;
  /** Which models activating it switches: category always, severity for a built-in-source version. */
  models: Array<'category' | 'severity'>;
  status: ModelStatus;
  createdBy: string | null;
  createdAt: string;
  activatedAt: string | null;
}

// Everything but model_json and severity_model_json (~1.3 MB each), which only activation reads.
const COLUMNS = 'id, version, source, source_detail, labels, training_size, metrics, severity_model_json is not null as has_severity_model, status, created_by, created_at, activated_at';

export function versionToApi(r: ModelVersionRow): ModelVersionDto {
  return {
    id: r.id,
    version: r.version,
    source: r.source,
    sourceDetail: r.source_detail,
    labels: r.labels,
    trainingSize: r.training_size,
    metrics: { ...r.metrics, severity: r.metrics.severity ?? null },
    models: r.has_severity_model ? ['category', 'severity'] : ['category'],
    status: r.status,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    activatedAt: r.activated_at?.toISOString() ?? null,
  };
}

export async function listVersions(q: Queryable): Promise<ModelVersionRow[]> {
  return q.query<ModelVersionRow>(`select ${COLUMNS} from classifier_models order by version desc`);
}

export async function getVersion(q: Queryable, id: string): Promise<ModelVersionRow> {
  const [row] = await q.query<ModelVersionRow>(`select ${COLUMNS} from classifier_models where id = $1`, [id]);
  if (!row) throw notFound('No such model version.');
  return row;
}

export async function getVersionByNumber(q: Queryable, version: number): Promise<ModelVersionRow> {
  const [row] = await q.query<ModelVersionRow>(`select ${COLUMNS} from classifier_models where version = $1`, [version]);
  if (!row) throw notFound(`No model version ${version}.`);
  return row;
}

export async function activeVersion(q: Queryable): Promise<ModelVersionRow | null> {
  const [row] = await q.query<ModelVersionRow>(`select ${COLUMNS} from classifier_models where status = 'active'`);
  return row ?? null;
}

export async function modelJsonOf(q: Queryable, id: string): Promise<string> {
  const [row] = await q.query<{ model_json: string }>('select model_json from classifier_models where id = $1', [id]);
  if (!row) throw notFound('No such model version.');
  return row.model_json;
}

// Serialises version numbering (and activation) across instances on one PostgreSQL.
export const MODEL_VERSIONS_LOCK = 4_180_107;

export async function insertVersion(
  tx: Queryable,
  v: { source: 'builtin' | 'csv'; sourceDetail: Record<string, unknown>; labels: string[]; trainingSize: number; metrics: ModelMetrics; modelJson: string; severityModelJson: string | null; createdBy: string | null; at: Date },
): Promise<ModelVersionRow> {
  await tx.query('select pg_advisory_xact_lock($1)', [MODEL_VERSIONS_LOCK]);
  const [row] = await tx.query<ModelVersionRow>(
    `insert into classifier_models (version, source, source_detail, labels, training_size, metrics, model_json, severity_model_json, created_by, created_at)
     select coalesce(max(version), 0) + 1, $1, $2, $3, $4, $5, $6, $7, $8, $9 from classifier_models
     returning ${COLUMNS}`,
    [v.source, v.sourceDetail, v.labels, v.trainingSize, v.metrics as unknown as Record<string, unknown>, v.modelJson, v.severityModelJson, v.createdBy, v.at],
  );
  return row!;
}
