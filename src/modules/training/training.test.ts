import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { currentModels, setCategoryModel, setExtraCategories } from '../triage/classifier.js';
import { loadBuiltinModels } from '../triage/train-model.js';
import { loadedModelId, syncActiveModel } from './active-model.js';
import { HELDOUT_FILE } from './train-and-evaluate.js';
import { loadCorpus } from '../triage/train-model.js';
import { runTraining } from './run-training.js';

/** The held-out set grows by batches (corpus/README.md): count it, don't pin it. */
const HELDOUT_N = loadCorpus(HELDOUT_FILE).length;

/**
 * Issue 3 §2, learning from corrections: an agent's category or severity correction is a
 * training row; a retrained version is evaluated as a draft, changes classification only once
 * activated, and rollback restores the previous model. CSV training, bad input, admin-only access.
 */

type Person = { id: string; token: string };
type ClassReport = { label: string; precision: number; recall: number; f1: number; support: number };
type Version = {
  id: string; version: number; source: string; status: string; labels: string[]; trainingSize: number;
  sourceDetail: Record<string, unknown>; activatedAt: string | null;
  metrics: {
    epochs: number; trainMs: number;
    crossValidation: { accuracy: number; folds: number; perFold: number[]; perClass: ClassReport[] } | null;
    heldout: { accuracy: number; n: number; perClass: ClassReport[]; byLanguage: Record<string, { accuracy: number }> } | null;
    severity: {
      trainingSize: number; features: number;
      heldout: {
        accuracy: number; n: number; perClass: ClassReport[]; byLanguage: Record<string, { accuracy: number; n: number }>;
        urgentRecall: number; urgentN: number; urgentMissed: Array<{ text: string; predicted: string }>; modelAccuracy: number;
      };
    } | null;
  };
  models: string[];
};
type ErrorBody = { error: { code: string; message: string; details: Array<{ path?: string }> } };

// Built-in model: `other` (no category keyword); by DESIGN §2 it is "not as described" → product_quality.
const GIFT = { subject: 'Gift wrapping', description: 'The gift wrapping was plain brown paper instead of the festive paper shown at checkout.' };
const GIFT_TEXT = `${GIFT.subject}\n${GIFT.description}`;
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
// Tests train with fewer folds: the numbers are checked for shape, the behaviour for real.
const FAST = { epochs: 12, folds: 2 };

let t: TestApp;
let admin: Person;
let agent: Person;
let supervisor: Person;

const train = (body: Record<string, unknown>, token = admin.token) => t.request('POST', '/api/v1/admin/classifier/models', { token, body: { ...FAST, ...body } });
const activate = (id: string, token = admin.token) => t.request('POST', `/api/v1/admin/classifier/models/${id}/activate`, { token });
const rollback = (token = admin.token) => t.request('POST', '/api/v1/admin/classifier/rollback', { token });
const classify = async (text: string) => json<{ category: string; severity: string; department: string; confidence: number; reasons: string[] }>(await t.request('POST', '/api/v1/classify', { token: agent.token, body: { text } }));

function expectError(res: LightMyRequestResponse, status: number, code: string, path?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = json<ErrorBody>(res);
  expect(body.error.code).toBe(code);
  if (path) expect(body.error.details.map((d) => d.path)).toContain(path);
}

// Training takes seconds of CPU; on a busy CI machine several times that.
const SLOW = { timeout: 180_000 };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user('admin');
  agent = await t.user('agent');
  supervisor = await t.user('supervisor');
});

afterAll(async () => {
  // The classifier is per process: leave the built-in model for whatever runs next.
  setCategoryModel(null);
  setExtraCategories(new Map());
  await t.stop();
});

describe('learning from corrections', () => {
  it('only admins: unauthenticated 401, other roles 403', async () => {
    const calls: Array<[string, string, Record<string, unknown>?]> = [
      ['POST', '/api/v1/admin/classifier/models', { source: 'builtin' }],
      ['GET', '/api/v1/admin/classifier/models'],
      ['GET', `/api/v1/admin/classifier/models/${NO_SUCH_ID}`],
      ['POST', `/api/v1/admin/classifier/models/${NO_SUCH_ID}/activate`],
      ['POST', '/api/v1/admin/classifier/rollback'],
      ['GET', '/api/v1/admin/classifier/audit'],
      ['GET', '/api/v1/admin/taxonomy/categories'],
      ['POST', '/api/v1/admin/taxonomy/categories', { code: 'x_y', name: 'X', department: 'logistics', examples: ['a', 'b', 'c', 'd', 'e'] }],
    ];
    for (const [method, url, body] of calls) {
      expectError(await t.request(method, url, { body }), 401, 'unauthenticated');
      for (const who of [agent, supervisor]) expectError(await t.request(method, url, { token: who.token, body }), 403, 'forbidden');
    }
    const customer = await t.customer();
    expectError(await t.request('GET', '/api/v1/admin/classifier/models', { token: customer.token }), 403, 'forbidden');
  });

  it('a correction is trained on; the version is evaluated as a draft, activation changes classify, rollback restores', SLOW, async () => {
    expect((await classify(GIFT_TEXT)).category).toBe('other');

    // v1: before any correction.
    const v1Res = await train({ source: 'builtin' });
    expect(v1Res.statusCode, v1Res.body).toBe(201);
    const v1 = json<Version>(v1Res);
    expect(v1).toMatchObject({ source: 'builtin', status: 'draft', sourceDetail: { corrections: 0, categoryExamples: 0 } });

    // An agent corrects the classification.
    const created = await t.request('POST', '/api/v1/complaints', { token: agent.token, body: { channel: 'web', ...GIFT, customer: { name: 'Wrap Fan', email: 'wrap@test.local' } } });
    const complaint = json<{ id: string; category: string }>(created);
    expect(complaint.category).toBe('other');
    // Two corrections: the latest one per complaint is the label (refund was a slip).
    for (const category of ['refund', 'product_quality']) {
      const patched = await t.request('PATCH', `/api/v1/complaints/${complaint.id}`, { token: agent.token, body: { category, reason: 'not as described' } });
      expect(patched.statusCode, patched.body).toBe(200);
    }

    // v2: includes the correction (once, with the latest label).
    const v2 = json<Version>(await train({ source: 'builtin' }));
    expect(v2.version).toBe(v1.version + 1);
    expect(v2.sourceDetail).toMatchObject({ corrections: 1 });
    expect(v2.trainingSize).toBe(v1.trainingSize + 1);

    // Evaluated before activation: held-out and cross-validated accuracy, per-class precision / recall.
    const got = json<Version>(await t.request('GET', `/api/v1/admin/classifier/models/${v2.id}`, { token: admin.token }));
    expect(got.status).toBe('draft');
    expect(got.metrics.heldout!.n).toBe(HELDOUT_N);
    expect(got.metrics.heldout!.accuracy).toBeGreaterThan(0.75);
    expect(Object.keys(got.metrics.heldout!.byLanguage)).toEqual(expect.arrayContaining(['en', 'zh']));
    expect(got.metrics.crossValidation).toMatchObject({ folds: 2 });
    expect(got.metrics.crossValidation!.accuracy).toBeGreaterThan(0.7);
    const safety = got.metrics.heldout!.perClass.find((c) => c.label === 'safety')!;
    expect(safety.precision).toBeGreaterThan(0);
    expect(safety.recall).toBeGreaterThan(0);
    // A draft changes nothing.
    expect((await classify(GIFT_TEXT)).category).toBe('other');

    const list = json<{ items: Version[]; activeId: string | null }>(await t.request('GET', '/api/v1/admin/classifier/models', { token: admin.token }));
    expect(list.items.map((v) => v.version)).toEqual([v2.version, v1.version]);
    expect(list.activeId).toBeNull();

    // Activate v1, then v2: the corrected text now classifies to the corrected label.
    expect(json<Version>(await activate(v1.id))).toMatchObject({ status: 'active' });
    expect((await classify(GIFT_TEXT)).category).toBe('other');
    const active2 = json<Version>(await activate(v2.id));
    expect(active2.status).toBe('active');
    expect(typeof active2.activatedAt).toBe('string');
    expect(loadedModelId()).toBe(v2.id);
    expect(await classify(GIFT_TEXT)).toMatchObject({ category: 'product_quality', department: 'quality' });
    // Activating the active version again is a no-op.
    expect((await activate(v2.id)).statusCode).toBe(200);
    const [{ n }] = await t.db.query<{ n: number }>(`select count(*)::int as n from classifier_models where status = 'active'`) as [{ n: number }];
    expect(n).toBe(1);

    // Rollback: v2 → v1 → built-in → nothing left.
    const back = json<{ active: Version | null; rolledBack: Version }>(await rollback());
    expect(back.active?.id).toBe(v1.id);
    expect(back.rolledBack).toMatchObject({ id: v2.id, status: 'retired' });
    expect((await classify(GIFT_TEXT)).category).toBe('other');
    const toBuiltin = json<{ active: Version | null }>(await rollback());
    expect(toBuiltin.active).toBeNull();
    expect(loadedModelId()).toBeNull();
    expectError(await rollback(), 409, 'nothing_to_roll_back');

    // Every step is audited, newest first.
    const audit = json<{ items: Array<{ action: string; modelId: string | null; fromModelId: string | null; actor: { kind: string; id?: string } }> }>(
      await t.request('GET', '/api/v1/admin/classifier/audit', { token: admin.token }),
    );
    expect(audit.items.map((a) => a.action)).toEqual(['rolled_back', 'rolled_back', 'activated', 'activated', 'trained', 'trained']);
    expect(audit.items[0]).toMatchObject({ modelId: null, fromModelId: v1.id, actor: { kind: 'user', id: admin.id } });
    expect(audit.items[2]).toMatchObject({ modelId: v2.id, fromModelId: v1.id });
  });

  it('another instance picks up a version activated elsewhere at its next sync', SLOW, async () => {
    const v = json<Version>(await train({ source: 'builtin', folds: 0 }));
    expect(v.metrics.crossValidation).toBeNull();
    // As another instance's activate would leave the database; this process has not loaded it.
    await t.db.query(`update classifier_models set status = 'active', activated_at = now() where id = $1`, [v.id]);
    expect((await classify(GIFT_TEXT)).category).toBe('other');
    expect(await syncActiveModel(t.db)).toBe(1); // what the background loop runs
    expect(loadedModelId()).toBe(v.id);
    expect((await classify(GIFT_TEXT)).category).toBe('product_quality');
    expect(await syncActiveModel(t.db)).toBe(0); // unchanged: one cheap lookup, nothing reloaded
    await t.db.query(`update classifier_models set status = 'retired' where id = $1`, [v.id]);
    await syncActiveModel(t.db);
    expect((await classify(GIFT_TEXT)).category).toBe('other');
  });
});

describe('the training worker', () => {
  it('trains in a worker thread (no inline fallback), so the event loop keeps serving', SLOW, async () => {
    const warn = vi.spyOn(console, 'warn');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      const items = ['parcel stuck at the depot', 'courier lost my parcel', 'charged twice for one order', 'hidden fee on my bill'].map((text, i) => ({ text, label: i < 2 ? 'logistics' : 'billing', weight: 1 }));
      const outcome = await runTraining({ items, epochs: 2, folds: 2 });
      expect(outcome.labels).toEqual(['billing', 'logistics']);
      expect(outcome.metrics.crossValidation?.folds).toBe(2);
      expect(warn).not.toHaveBeenCalled();
      expect(ticks).toBeGreaterThan(0);
    } finally {
      clearInterval(timer);
      warn.mockRestore();
    }
  });
});

describe('training from a labelled CSV', () => {
  const rows: string[] = ['id,narrative,product'];
  const topics: Record<string, string[]> = {
    'Credit card': ['credit card annual fee charged twice', 'card statement shows interest I never agreed to', 'credit limit lowered without notice', 'card was declined although my balance is fine', 'late fee on my credit card after I paid on time'],
    Mortgage: ['mortgage escrow payment went up again', 'loan servicer lost my mortgage payment', 'foreclosure notice although I am current on the mortgage', 'refinance application for my home loan stuck', 'mortgage payoff amount is wrong'],
    'Student loan': ['student loan servicer misapplied my payment', 'income driven repayment plan for my student loan denied', 'student loan forgiveness application ignored', 'my federal student loan was sent to collections', 'student loan interest capitalised wrongly'],
  };
  for (const [label, texts] of Object.entries(topics)) texts.forEach((x, i) => rows.push(`${rows.length},"${x}, case ${i}",${label}`));
  const csv = rows.join('\n');

  it('trains and evaluates a model over its own labels, which cannot become the category model (409)', async () => {
    const res = await train({ source: 'csv', csv, textColumn: 'narrative', labelColumn: 'product', folds: 5 });
    expect(res.statusCode, res.body).toBe(201);
    const v = json<Version>(res);
    expect(v).toMatchObject({ source: 'csv', status: 'draft', trainingSize: 15, sourceDetail: { textColumn: 'narrative', labelColumn: 'product', rows: 15, skipped: 0 } });
    expect(v.labels).toEqual(['Credit card', 'Mortgage', 'Student loan']);
    expect(v.metrics.heldout).toBeNull(); // not the taxonomy's labels: nothing to score on the held-out corpus
    expect(v.metrics.crossValidation!.folds).toBe(5);
    expect(v.metrics.crossValidation!.perClass.map((c) => c.label)).toEqual(['Credit card', 'Mortgage', 'Student loan']);
    expect(v.metrics.crossValidation!.accuracy).toBeGreaterThan(0.5);
    expectError(await activate(v.id), 409, 'labels_not_in_taxonomy', 'labels');
    expect(json<Version>(await t.request('GET', `/api/v1/admin/classifier/models/${v.id}`, { token: admin.token })).status).toBe('draft');
  });

  it('auxiliary CSVs (labels mapped, repeats of primary rows dropped) train the model and are never cross-validated on', SLOW, async () => {
    const aux = ['complaint,Product'];
    const auxTopics: Record<string, string[]> = {
      'Credit card or prepaid card': ['My CREDIT CARD was charged an annual fee XXXX times', 'The card company raised my interest rate', 'Prepaid card balance vanished'],
      'Mortgage': ['The servicer misapplied my escrow payment', 'My mortgage modification was denied', 'They started foreclosure during forbearance'],
      'Student loan': ['My student loan payment was misapplied', 'The servicer lost my forgiveness form', 'Student loan interest is wrong'],
      'Gift card': ['gift card not accepted'],
    };
    for (const [label, texts] of Object.entries(auxTopics)) for (const x of texts) aux.push(`"${x}.\nSent on XX/XX/2020.",${label}`);
    aux.push(`"${topics['Mortgage']![0]!}, case 0",Mortgage`); // a primary row again: dropped
    // Longer than any primary text: cut to the longest one's words before it trains.
    aux.push(`"${Array.from({ length: 6 }, () => 'The mortgage servicer charged late fees on my escrow account').join(' ')}",Mortgage`);
    const res = await train({
      source: 'csv', csv, textColumn: 'narrative', labelColumn: 'product', folds: 3,
      labelMap: { 'Credit card': 'cards', Mortgage: 'mortgage', 'Student loan': 'student' },
      auxiliary: [{ csv: aux.join('\n'), textColumn: 'complaint', labelColumn: 'Product', prepare: 'lowercase-nostop', labelMap: { 'Credit card or prepaid card': 'cards', Mortgage: 'mortgage', 'Student loan': 'student' } }],
      auxiliaryWeighting: 'uniform',
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = json<Version & { metrics: { auxiliary: { rows: number; weighting: string; used: number; length: string; cut: number }; crossValidation: { n: number; auxiliary: { rows: number; weightings: string[] } } } }>(res);
    expect(v.labels).toEqual(['cards', 'mortgage', 'student']);
    expect(v.trainingSize).toBe(15);
    expect(v.sourceDetail['auxiliary']).toEqual([expect.objectContaining({ rows: 12, skipped: 1, droppedAsDuplicates: 1, used: 10, prepare: 'lowercase-nostop' })]);
    expect(v.metrics.auxiliary).toEqual({ rows: 10, weighting: 'uniform', used: 10, length: 'primary-max', cut: 1 });
    expect(v.metrics.crossValidation.n).toBe(15); // primary rows only
    expect(v.metrics.crossValidation.auxiliary).toEqual({ rows: 10, weightings: ['uniform', 'uniform', 'uniform'] });
    // Kept whole on request.
    const whole = await train({
      source: 'csv', csv, textColumn: 'narrative', labelColumn: 'product', folds: 0,
      auxiliary: [{ csv: aux.join('\n'), textColumn: 'complaint', labelColumn: 'Product', prepare: 'lowercase-nostop', labelMap: { 'Credit card or prepaid card': 'Credit card', Mortgage: 'Mortgage', 'Student loan': 'Student loan' } }],
      auxiliaryWeighting: 'uniform', auxiliaryLength: 'full',
    });
    expect(whole.statusCode, whole.body).toBe(201);
    expect(json<Version & { metrics: { auxiliary: unknown } }>(whole).metrics.auxiliary).toEqual({ rows: 10, weighting: 'uniform', used: 10, length: 'full', cut: 0 });
    // An auxiliary CSV without the named column is the caller's mistake.
    expectError(
      await train({ source: 'csv', csv, textColumn: 'narrative', labelColumn: 'product', auxiliary: [{ csv: 'a,b\nx,y', textColumn: 'complaint', labelColumn: 'Product' }] }),
      422, 'invalid_training_data', 'body.auxiliary.0',
    );
  });

  it('a CSV with taxonomy labels can be activated', async () => {
    const lines = ['text,label'];
    for (let i = 0; i < 6; i++) lines.push(`"parcel ${i} is late and stuck at the depot",logistics`, `"I was charged twice for order ${i}",billing`);
    const v = json<Version>(await train({ source: 'csv', csv: lines.join('\r\n'), textColumn: 'text', labelColumn: 'label' }));
    expect((await activate(v.id)).statusCode).toBe(200);
    expect((await rollback()).statusCode).toBe(200);
  });

  it('bad CSVs are clear 4xx errors, never 5xx', async () => {
    const bad = (body: Record<string, unknown>) => train({ source: 'csv', textColumn: 'narrative', labelColumn: 'product', ...body });
    expectError(await bad({ csv: '' }), 422, 'invalid_training_data', 'body.csv');
    expectError(await bad({ csv: '   \n\n' }), 422, 'invalid_training_data', 'body.csv');
    expectError(await bad({ csv: 'id,text,label\n1,a,b' }), 422, 'invalid_training_data', 'body.textColumn');
    expectError(await bad({ csv: 'id,narrative,label\n1,a,b' }), 422, 'invalid_training_data', 'body.labelColumn');
    expectError(await bad({ csv: 'narrative,product\n', }), 422, 'invalid_training_data');
    expectError(await bad({ csv: 'narrative,product\n,\n"",""\n' }), 422, 'invalid_training_data');
    const oneLabel = ['narrative,product', ...Array.from({ length: 10 }, (_, i) => `text ${i},Mortgage`)].join('\n');
    const res = await bad({ csv: oneLabel });
    expectError(res, 422, 'invalid_training_data');
    expect(json<ErrorBody>(res).error.message).toMatch(/one label/i);
    expectError(await bad({ csv: '\u0000\u0001\u0002garbage' }), 422, 'invalid_training_data');
    // Columns swapped: the "labels" are whole texts.
    const swapped = ['narrative,product', ...Array.from({ length: 4 }, (_, i) => `Mortgage,"${'a long narrative '.repeat(10)}${i % 2}"`)].join('\n');
    expectError(await bad({ csv: swapped }), 422, 'invalid_training_data', 'body.labelColumn');
    expectError(await bad({ csv: 'narrative,product\n"unterminated,Mortgage\nx,Credit card' }), 422, 'invalid_training_data');
    // Schema errors: missing columns, wrong source, unknown fields, bad epochs.
    expectError(await train({ source: 'csv', csv }), 422, 'validation_failed', 'body.textColumn');
    expectError(await train({ source: 'json' }), 422, 'validation_failed');
    expectError(await train({ source: 'builtin', extra: 1 }), 422, 'validation_failed');
    expectError(await train({ source: 'builtin', epochs: 0 }), 422, 'validation_failed', 'body.epochs');
    expectError(await train({ source: 'builtin', folds: 1 }), 422, 'validation_failed', 'body.folds');
    // 10 MB is over the request body limit (MAX_BODY_BYTES, 1 MB by default).
    const huge = `narrative,product\n${'x'.repeat(64)},Mortgage\n`.repeat(160_000);
    expectError(await bad({ csv: huge }), 413, 'payload_too_large');
    // Unknown versions.
    expectError(await activate(NO_SUCH_ID), 404, 'not_found');
    expectError(await t.request('GET', '/api/v1/admin/classifier/models/not-a-uuid', { token: admin.token }), 404, 'not_found');
  });
});

/**
 * Severity learns from corrections too: a built-in-source version carries a severity model
 * (corpus severities + the latest severity correction per complaint). The severity model only
 * lifts a tier; DESIGN §2's safety / fraud rules force urgent whatever it learned.
 */
describe('learning severity from corrections', () => {
  // The built-in classifier: general (no rule matches, the severity model is not sure).
  const LOCKOUT = [
    ['Locked out by smart lock', 'The smart lock stopped accepting my code after the update and I was stuck outside all night in the cold.'],
    ['Smart lock will not open', 'My smart lock rejects the PIN and the app cannot unlock the door, my kids are stuck outside.'],
    ['Door lock failure', 'The smart door lock jammed and will not open with the code or the app, we are locked out.'],
    ['门锁打不开', '智能门锁突然不认密码，APP也开不了门，老人被关在门外。'],
    ['智能锁故障', '智能锁没电后无法开门，我在门外等了两个小时才进家。'],
  ] as const;
  const LOCKOUT_PROBE = 'Smart lock lockout\nThe smart lock on my front door stopped accepting my code and I was stuck outside all night.';
  // The built-in severity model lifts these to urgent (no rule matches): agents say general. (Each has at least
  // TUNING.minKnownFeaturesForLift = 4 known features: on fewer the model may not lift a text.)
  const FEATHERS = [
    ['Duvet shedding', 'My new down duvet keeps leaking feathers onto the bed and the floor.'],
    ['Duvet leaks', 'The new down duvet leaks feathers everywhere at night.'],
    ['Feathers', 'The duvet leaks feathers everywhere overnight, all over the bed.'],
    ['Down quilt', 'Our new down quilt leaks feathers everywhere overnight.'],
  ] as const;
  const FEATHERS_PROBE = 'Down comforter\nThe new down comforter leaks feathers everywhere overnight.';
  // Wrong corrections of a safety and a fraud case: the rules keep them urgent.
  const FIRE = ['Charger fire', 'The phone charger caught fire on the desk and burned my hand.'] as const;
  const FIRE_PROBE = 'Charger burned\nMy laptop charger caught fire and burned the table.';
  const FRAUD = ['Card used', 'Someone used my card to buy gift cards on your site. I never authorized these charges.'] as const;

  // A customer each: a second complaint of one customer in a category would be a repeat (→ serious).
  let customers = 0;
  const createComplaint = async ([subject, description]: readonly [string, string]) => {
    const email = `sev${++customers}@test.local`;
    const res = await t.request('POST', '/api/v1/complaints', { token: agent.token, body: { channel: 'web', subject, description, customer: { name: 'Sev Test', email } } });
    expect(res.statusCode, res.body).toBe(201);
    return json<{ id: string; severity: string; category: string }>(res);
  };
  const patch = async (id: string, body: Record<string, unknown>) => {
    const res = await t.request('PATCH', `/api/v1/complaints/${id}`, { token: agent.token, body });
    expect(res.statusCode, res.body).toBe(200);
  };
  const severityOf = async (text: string) => (await classify(text)).severity;

  it('severity corrections train the version’s severity model: activation changes severity, rollback restores it, safety rules still win', { timeout: 300_000 }, async () => {
    // The built-in classifier before anything is learned.
    expect(await severityOf(LOCKOUT_PROBE)).toBe('general');
    expect(await severityOf(FEATHERS_PROBE)).toBe('urgent');
    expect(await severityOf(FIRE_PROBE)).toBe('urgent');
    const before = json<Version>(await train({ source: 'builtin', folds: 0 }));
    expect(before.sourceDetail).toMatchObject({ severityCorrections: 0 });

    // Agents correct the severity (a severity-only PATCH records classification.corrected).
    for (const [i, text] of LOCKOUT.entries()) {
      const c = await createComplaint(text);
      expect(c.severity).toBe('general');
      // The first one is corrected twice: only the latest label counts.
      if (i === 0) await patch(c.id, { severity: 'serious', reason: 'customer stuck outside' });
      await patch(c.id, { severity: 'urgent', reason: 'customer stuck outside at night' });
    }
    for (const text of FEATHERS) {
      const c = await createComplaint(text);
      expect(c.severity).toBe('urgent');
      await patch(c.id, { severity: 'general', reason: 'nuisance, no risk' });
    }
    for (const text of [FIRE, FRAUD]) {
      const c = await createComplaint(text);
      expect(c.severity).toBe('urgent');
      await patch(c.id, { severity: 'general', reason: 'a wrong correction' });
    }
    // A category-only correction is not a severity correction.
    const other = await createComplaint(['Wrapping', 'The gift wrapping was plain brown paper instead of the festive paper shown.']);
    await patch(other.id, { category: 'product_quality' });
    // Bad input is a clear 4xx and records nothing.
    const bad = await t.request('PATCH', `/api/v1/complaints/${other.id}`, { token: agent.token, body: { severity: 'critical' } });
    expectError(bad, 422, 'validation_failed', 'body.severity');
    const [{ n: events }] = (await t.db.query<{ n: number }>(`select count(*)::int as n from complaint_events where type = 'classification.corrected' and complaint_id = $1`, [other.id])) as [{ n: number }];
    expect(events).toBe(1);

    const res = await train({ source: 'builtin', folds: 0 });
    expect(res.statusCode, res.body).toBe(201);
    const v = json<Version>(res);
    expect(v.sourceDetail).toMatchObject({ severityCorrections: LOCKOUT.length + FEATHERS.length + 2, corrections: (before.sourceDetail.corrections as number) + 1 });
    expect(v.models).toEqual(['category', 'severity']);

    // The evaluation reports severity: held-out accuracy of the whole classifier, per class, urgent recall.
    const sev = v.metrics.severity!;
    expect(sev.trainingSize).toBe((before.metrics.severity!.trainingSize) + LOCKOUT.length + FEATHERS.length + 2);
    expect(sev.features).toBeGreaterThan(1000);
    expect(sev.heldout.n).toBe(HELDOUT_N);
    expect(sev.heldout.perClass.map((c) => c.label)).toEqual(['general', 'serious', 'urgent']);
    expect(sev.heldout.perClass.reduce((a, c) => a + c.support, 0)).toBe(HELDOUT_N);
    for (const c of sev.heldout.perClass) {
      for (const x of [c.precision, c.recall, c.f1]) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }
    }
    expect(sev.heldout.accuracy).toBeGreaterThan(0.9);
    expect(sev.heldout.modelAccuracy).toBeGreaterThan(0.7);
    const urgent = sev.heldout.perClass.find((c) => c.label === 'urgent')!;
    expect(sev.heldout.urgentN).toBe(urgent.support);
    expect(sev.heldout.urgentRecall).toBe(urgent.recall);
    expect(sev.heldout.urgentMissed.length).toBe(Math.round((1 - sev.heldout.urgentRecall) * sev.heldout.urgentN));
    // DESIGN §2: every held-out safety / fraud case stays urgent, corrections or not.
    expect(sev.heldout.urgentRecall).toBe(1);
    expect(Object.keys(sev.heldout.byLanguage)).toEqual(expect.arrayContaining(['en', 'zh']));

    // A draft changes nothing.
    expect(await severityOf(LOCKOUT_PROBE)).toBe('general');
    await activate(v.id);
    // Similar (not identical) texts now get the corrected severities.
    const lockout = await classify(LOCKOUT_PROBE);
    expect(lockout.severity).toBe('urgent');
    expect(lockout.reasons.join(' ')).toMatch(/model: wording like urgent complaints/);
    expect(await severityOf('智能门锁\n智能门锁升级后密码失效，我被锁在门外一整夜。')).toBe('urgent');
    expect(await severityOf(FEATHERS_PROBE)).toBe('general');
    // The wrong corrections could not teach it to miss a safety or fraud case.
    const fire = await classify(FIRE_PROBE);
    expect(fire.severity).toBe('urgent');
    expect(fire.reasons.join(' ')).toMatch(/risk to safety or health → urgent/);
    expect(await severityOf(`${FIRE[0]}\n${FIRE[1]}`)).toBe('urgent');
    const fraud = await classify(`${FRAUD[0]}\n${FRAUD[1]}`);
    expect(fraud.severity).toBe('urgent');
    expect(fraud.reasons.join(' ')).toMatch(/security \/ fraud incident → urgent/);
    // Intake uses the active version too.
    expect((await createComplaint(['Smart lock', 'The smart lock stopped accepting my code and my kids were stuck outside all night.'])).severity).toBe('urgent');

    // Rollback restores both models of the version before (none: the built-in ones).
    const back = json<{ active: Version | null }>(await rollback());
    expect(back.active).toBeNull();
    expect(await severityOf(LOCKOUT_PROBE)).toBe('general');
    expect(await severityOf(FEATHERS_PROBE)).toBe('urgent');

    // Another instance loads the severity model with the category model at its next sync.
    await t.db.query(`update classifier_models set status = 'active', activated_at = now() where id = $1`, [v.id]);
    expect(await syncActiveModel(t.db)).toBe(1);
    expect(await severityOf(LOCKOUT_PROBE)).toBe('urgent');

    // A CSV version carries no severity model: while it is active the built-in severity model applies.
    const lines = ['text,label'];
    for (let i = 0; i < 6; i++) lines.push(`"parcel ${i} is late and stuck at the depot",logistics`, `"I was charged twice for order ${i}",billing`);
    const csv = json<Version>(await train({ source: 'csv', csv: lines.join('\n'), textColumn: 'text', labelColumn: 'label', folds: 0 }));
    expect(csv.models).toEqual(['category']);
    expect(csv.metrics.severity).toBeNull();
    expect((await activate(csv.id)).statusCode).toBe(200);
    // (Its 12-row category model knows too few words for any severity lift, so look at the models.)
    const builtinSeverity = loadBuiltinModels().models.severity;
    expect(currentModels()!.severity!.featureCount).toBe(builtinSeverity!.featureCount);
    expect(currentModels()!.severity!.featureCount).not.toBe(sev.features);
    expect(currentModels()!.category.labels).toEqual(['billing', 'logistics']);
    // …and rolling back to the severity-trained version brings its severity model back.
    expect(json<{ active: Version | null }>(await rollback()).active?.id).toBe(v.id);
    expect(await severityOf(LOCKOUT_PROBE)).toBe('urgent');
    expect(await severityOf(FEATHERS_PROBE)).toBe('general');
    await t.db.query(`update classifier_models set status = 'retired' where status = 'active'`);
    await syncActiveModel(t.db);
    expect(await severityOf(LOCKOUT_PROBE)).toBe('general');
  });
});
