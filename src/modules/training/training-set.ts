/**
 * What a model version is trained on: the built-in corpus plus what people taught Loopdesk
 * (category corrections, examples of admin-added categories), or any labelled CSV.
 */
import type { Queryable } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { loadCorpus, parseCsv } from '../triage/train-model.js';

export interface TrainingExample {
  text: string;
  label: string;
  /** Times the example counts in training: people's labels outweigh one corpus line. */
  weight: number;
}

export interface TrainingSet {
  source: 'builtin' | 'csv';
  items: TrainingExample[];
  detail: Record<string, unknown>;
}

/**
 * A correction is the live distribution and an added category has only a handful of examples:
 * against ~180 corpus lines per category, a weight of 1 would barely move the model.
 */
export const CORRECTION_WEIGHT = 4;
export const CATEGORY_EXAMPLE_WEIGHT = 8;
/** The classifier reads the first 6,000 characters of a text; training needs no more. */
const MAX_TEXT_CHARS = 6000;
export const MAX_LABELS = 200;
export const MAX_LABEL_CHARS = 100;

function invalid(message: string, path = 'body'): AppError {
  return new AppError('invalid_training_data', message, [{ path, message }]);
}

/**
 * The latest category correction per complaint (a person moved it to another category; a
 * severity-only correction says nothing about the category). Text = subject + description,
 * as intake classifies it.
 */
export async function loadCorrections(q: Queryable): Promise<TrainingExample[]> {
  const rows = await q.query<{ text: string; label: string }>(
    `select distinct on (e.complaint_id) c.subject || E'\\n' || c.description as text, e.data->'category'->>'to' as label
       from complaint_events e join complaints c on c.id = e.complaint_id
      where e.type = 'classification.corrected'
        and e.data->'category'->>'from' is distinct from e.data->'category'->>'to'
      order by e.complaint_id, e.at desc, e.id desc`,
  );
  return rows.filter((r) => r.label).map((r) => ({ text: r.text.slice(0, MAX_TEXT_CHARS), label: r.label, weight: CORRECTION_WEIGHT }));
}

export async function loadCategoryExamples(q: Queryable): Promise<TrainingExample[]> {
  const rows = await q.query<{ text: string; label: string }>('select text, category_code as label from taxonomy_category_examples order by id');
  return rows.map((r) => ({ text: r.text, label: r.label, weight: CATEGORY_EXAMPLE_WEIGHT }));
}

/** Built-in corpus (corpus/train.jsonl) + corrections + admin-category examples. */
export async function builtinTrainingSet(q: Queryable): Promise<TrainingSet> {
  const corpus = loadCorpus().map((c): TrainingExample => ({ text: c.text, label: c.category, weight: 1 }));
  const corrections = await loadCorrections(q);
  const examples = await loadCategoryExamples(q);
  return {
    source: 'builtin',
    items: [...corpus, ...corrections, ...examples],
    detail: { corpus: corpus.length, corrections: corrections.length, categoryExamples: examples.length },
  };
}

/**
 * A labelled CSV with a header row. Rows with an empty text or label are skipped; the rest
 * must hold at least two labels with two rows each, or no model can be trained and evaluated.
 */
export function csvTrainingSet(csv: string, textColumn: string, labelColumn: string): TrainingSet {
  if (!csv.trim()) throw invalid('The CSV is empty.', 'body.csv');
  const rows = parseCsv(csv);
  const header = (rows[0] ?? []).map((h) => h.trim());
  const ti = header.indexOf(textColumn);
  const li = header.indexOf(labelColumn);
  if (ti < 0) throw invalid(`No column "${textColumn}" in the CSV header (${header.slice(0, 20).join(', ')}).`, 'body.textColumn');
  if (li < 0) throw invalid(`No column "${labelColumn}" in the CSV header (${header.slice(0, 20).join(', ')}).`, 'body.labelColumn');
  const items = rows
    .slice(1)
    .map((r): TrainingExample => ({ text: (r[ti] ?? '').slice(0, MAX_TEXT_CHARS), label: (r[li] ?? '').trim(), weight: 1 }))
    .filter((r) => r.text.trim() !== '' && r.label !== '');
  return { source: 'csv', items, detail: { textColumn, labelColumn, rows: rows.length - 1, skipped: rows.length - 1 - items.length } };
}

/** Refuses training data no useful model can come from (4xx, never a crash in the trainer). */
export function assertTrainable(set: TrainingSet): void {
  if (set.items.length === 0) throw invalid('No labelled rows: every row lacks a text or a label.');
  const perLabel = new Map<string, number>();
  for (const it of set.items) perLabel.set(it.label, (perLabel.get(it.label) ?? 0) + 1);
  if (perLabel.size < 2) throw invalid(`Only one label (${[...perLabel.keys()][0]}): a classifier needs at least two.`);
  if (perLabel.size > MAX_LABELS) throw invalid(`${perLabel.size} labels: at most ${MAX_LABELS}.`);
  const long = [...perLabel.keys()].find((l) => l.length > MAX_LABEL_CHARS);
  if (long !== undefined) throw invalid(`A label is ${long.length} characters long (at most ${MAX_LABEL_CHARS}): is the label column right?`, 'body.labelColumn');
  if (set.items.length < 4) throw invalid(`Only ${set.items.length} labelled rows: give at least four.`);
}
