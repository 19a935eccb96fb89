/** The API's shapes for this section, taken from the server modules so the two cannot drift. */
export type { CategoryDto as Category } from '../../../modules/taxonomy/categories.js';
export type { ModelVersionDto as ModelVersion, ModelStatus } from '../../../modules/training/model-versions.js';
export type { ClassReport, ModelMetrics } from '../../../modules/training/evaluate.js';
export type { ModelAuditEntry as AuditEntry } from '../../../modules/training/model-audit.js';
import type { ModelVersionDto } from '../../../modules/training/model-versions.js';

export interface VersionList {
  items: ModelVersionDto[];
  nextCursor: string | null;
  /** The active version; null while the built-in model is in use. */
  activeId: string | null;
}
