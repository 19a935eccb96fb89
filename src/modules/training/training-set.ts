/**
 * What a model version is trained on: the built-in corpus plus what people taught Loopdesk
 * (category and severity corrections, examples of admin-added categories), or any labelled CSV.
 */
import type { Queryable } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { SEVERITIES } from '../complaints/taxonomy.js';
import { dropDuplicates, mapLabels, prepareText, type LabelMap, type TextPreparation } from '../triage/labelled-sources.js';
import { loadCorpus, parseCsv } from '../triage/train-model.js';

export interface TrainingExample {
  text: string;
  label: string;
  /** Times the example counts in training: people's labels outweigh one corpus line. */
  weight: number;
}

export interface TrainingSet {
  source: 'builtin' | 'csv';
  /** The category model's rows (a CSV's: its own labels). */
  items: TrainingExample[];
  /**
   * The severity model's rows (DESIGN §2 tiers): built-in source only. A CSV's labels are
   * arbitrary, so a CSV version carries no severity model (null) and, while it is active, the
   * classifier keeps the built-in severity model.
   */
  severityItems: TrainingExample[] | null;
  /** Rows of other labelled sources: they train, but cross-validation never tests them (CSV source only). */
  auxiliaryItems?: TrainingExample[];
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
 * The latest correction per complaint of one label (a person moved it to another category,
 * or to another severity tier). An agent's PATCH of category and/or severity writes one
 * `classification.corrected` event with both {from, to} pairs (update-complaint.ts, in the
 * transaction of the change); a correction that left this label as it was says nothing about
 * it and is skipped. Text = subject + description, as intake classifies it. In the order the
 * corrections were made: the same corrections train the same model (ordered by complaint id,
 * a random UUID, the rows came in a different order in every database, and the trained
 * model's borderline calls with them).
 */
async function loadLatestCorrections(q: Queryable, label: 'category' | 'severity'): Promise<TrainingExample[]> {
  const rows = await q.query<{ text: string; label: string }>(
    `select text, label from (
       select distinct on (e.complaint_id) e.id, c.subject || E'\\n' || c.description as text, e.data->$1::text->>'to' as label
         from complaint_events e join complaints c on c.id = e.complaint_id
        where e.type = 'classification.corrected'
          and e.data->$1::text->>'from' is distinct from e.data->$1::text->>'to'
        order by e.complaint_id, e.at desc, e.id desc
     ) latest order by id`,
    [label],
  );
  return rows.filter((r) => r.label).map((r) => ({ text: r.text.slice(0, MAX_TEXT_CHARS), label: r.label, weight: CORRECTION_WEIGHT }));
}

/** The latest category correction per complaint (a severity-only correction says nothing about the category). */
export function loadCorrections(q: Queryable): Promise<TrainingExample[]> {
  return loadLatestCorrections(q, 'category');
}

/** The latest severity correction per complaint (a category-only correction says nothing about the severity). */
export async function loadSeverityCorrections(q: Queryable): Promise<TrainingExample[]> {
  return (await loadLatestCorrections(q, 'severity')).filter((c) => (SEVERITIES as readonly string[]).includes(c.label));
}

export async function loadCategoryExamples(q: Queryable): Promise<TrainingExample[]> {
  const rows = await q.query<{ text: string; label: string }>('select text, category_code as label from taxonomy_category_examples order by id');
  return rows.map((r) => ({ text: r.text, label: r.label, weight: CATEGORY_EXAMPLE_WEIGHT }));
}

/**
 * Built-in corpus (corpus/train.jsonl): its categories + category corrections + admin-category
 * examples for the category model; its severities + severity corrections for the severity model.
 */
export async function builtinTrainingSet(q: Queryable): Promise<TrainingSet> {
  const lines = loadCorpus();
  const corpus = lines.map((c): TrainingExample => ({ text: c.text, label: c.category, weight: 1 }));
  const corrections = await loadCorrections(q);
  const examples = await loadCategoryExamples(q);
  const severityCorpus = lines.map((c): TrainingExample => ({ text: c.text, label: c.severity, weight: 1 }));
  const severityCorrections = await loadSeverityCorrections(q);
  return {
    source: 'builtin',
    items: [...corpus, ...corrections, ...examples],
    severityItems: [...severityCorpus, ...severityCorrections],
    detail: { corpus: corpus.length, corrections: corrections.length, categoryExamples: examples.length, severityCorrections: severityCorrections.length },
  };
}

/**
 * A labelled CSV with a header row. Rows with an empty text or label are skipped; the rest
 * must hold at least two labels with two rows each, or no model can be trained and evaluated.
 */
export function csvTrainingSet(csv: string, textColumn: string, labelColumn: string, labelMap?: LabelMap): TrainingSet {
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
  if (!labelMap) return { source: 'csv', items, severityItems: null, detail: { textColumn, labelColumn, rows: rows.length - 1, skipped: rows.length - 1 - items.length } };
  const mapped = mapLabels(items, labelMap);
  return {
    source: 'csv',
    items: mapped.items.map((it) => ({ ...it, weight: 1 })),
    severityItems: null,
    detail: { textColumn, labelColumn, rows: rows.length - 1, skipped: rows.length - 1 - mapped.items.length, unmapped: mapped.unmapped },
  };
}

export interface AuxiliarySource {
  csv: string;
  textColumn: string;
  labelColumn: string;
  labelMap?: LabelMap;
  prepare?: TextPreparation;
}

/**
 * Adds auxiliary labelled CSVs to a CSV training set: each is read like the primary one, its
 * labels mapped, its texts prepared, and its rows that repeat a primary row dropped (so a
 * cross-validation on the primary rows never trains on a copy of a test row).
 */
export function withAuxiliarySources(set: TrainingSet, sources: readonly AuxiliarySource[]): TrainingSet {
  if (!sources.length) return set;
  const auxiliaryItems: TrainingExample[] = [];
  const details: Array<Record<string, unknown>> = [];
  sources.forEach((src, n) => {
    let part: TrainingSet;
    try {
      part = csvTrainingSet(src.csv, src.textColumn, src.labelColumn, src.labelMap);
    } catch (err) {
      if (err instanceof AppError) throw invalid(`Auxiliary CSV ${n + 1}: ${err.message}`, `body.auxiliary.${n}`);
      throw err;
    }
    const prepared = part.items.map((it) => ({ ...it, text: prepareText(it.text, src.prepare ?? 'none') })).filter((it) => it.text.trim() !== '');
    const { kept, dropped } = dropDuplicates(prepared, set.items);
    auxiliaryItems.push(...kept);
    details.push({ ...part.detail, prepare: src.prepare ?? 'none', droppedAsDuplicates: dropped.length, used: kept.length });
  });
  return { ...set, auxiliaryItems, detail: { ...set.detail, auxiliary: details } };
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
