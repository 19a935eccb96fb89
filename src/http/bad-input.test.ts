import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, json, testConfig, type TestApp } from '../test/test-app.js';

/**
 * Issue 2, "Bad input": every class of bad request gets a clear 4xx with a stable
 * error.code in the DESIGN §6 shape, nothing is half-written, and nothing answers 5xx.
 */

type ErrorBody = { error: { code: string; message: string; details: Array<{ path?: string; message: string }> } };
type Complaint = { id: string; status: string; subject: string; description: string; customerId: string };
type Counts = Record<'complaints' | 'events' | 'messages' | 'customers' | 'orders' | 'idempotencyKeys', number>;

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const MAX_BODY_BYTES = testConfig().MAX_BODY_BYTES;

let t: TestApp;
let agent: { id: string; token: string };
let admin: { id: string; token: string };
let customer: { id: string; token: string };
let otherCustomer: { id: string; token: string };
let otherOrder: { id: string; number: string };
let seq = 0;

beforeAll(async () => {
  t = await createTestApp();
  agent = await t.user('agent');
  admin = await t.user('admin');
  customer = await t.customer();
  otherCustomer = await t.customer();
  const res = await t.request('POST', '/api/v1/orders', { token: agent.token, body: { number: 'PO-OTHER-1', customerId: otherCustomer.id, amount: 10 } });
  otherOrder = json<{ id: string; number: string }>(res);
});
afterAll(() => t.stop());

/** The DESIGN §6 error shape, exactly: {error:{code,message,details:[]}} and nothing else. */
function expectError(res: LightMyRequestResponse, status: number, code: string): ErrorBody['error'] {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = json<ErrorBody>(res);
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'details', 'message']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(Array.isArray(body.error.details)).toBe(true);
  return body.error;
}

function expectValidation(res: LightMyRequestResponse, ...paths: string[]) {
  const error = expectError(res, 422, 'validation_failed');
  const got = error.details.map((d) => d.path ?? '');
  // a list-valued parameter may be reported at the offending item: query.status.1
  const at = (p: string, path: string) => p === path || (p.startsWith(`${path}.`) && /^\d+$/.test(p.slice(path.length + 1)));
  for (const path of paths) expect(got.some((p) => at(p, path)), `${path} in ${res.body}`).toBe(true);
  for (const d of error.details) expect(typeof d.message).toBe('string');
  return error;
}

async function counts(): Promise<Counts> {
  const [row] = await t.db.query<Counts>(`select
    (select count(*) from complaints)::int as complaints, (select count(*) from complaint_events)::int as events,
    (select count(*) from messages)::int as messages, (select count(*) from customers)::int as customers,
    (select count(*) from orders)::int as orders, (select count(*) from idempotency_keys)::int as "idempotencyKeys"`);
  return row!;
}

/** Runs `fn` and asserts that no row was added anywhere a complaint request writes. */
async function writesNothing<T>(fn: () => Promise<T>): Promise<T> {
  const before = await counts();
  const result = await fn();
  expect(await counts()).toEqual(before);
  return result;
}

const valid = () => ({ channel: 'web', subject: `Parcel late ${++seq}`, description: 'Ordered a week ago, still nothing.', customerId: customer.id });

function create(body: unknown, opts: { token?: string; headers?: Record<string, string> } = {}) {
  return t.request('POST', '/api/v1/complaints', { token: opts.token ?? agent.token, body: body as Record<string, unknown>, headers: opts.headers });
}

function createRaw(rawBody: string, contentType?: string, headers: Record<string, string> = {}) {
  return t.request('POST', '/api/v1/complaints', {
    token: agent.token, rawBody, headers: { ...(contentType ? { 'content-type': contentType } : {}), ...headers },
  });
}

async function newComplaint(): Promise<Complaint> {
  const res = await create(valid());
  expect(res.statusCode, res.body).toBe(201);
  return json<Complaint>(res);
}

async function moveTo(id: string, ...statuses: string[]) {
  for (const status of statuses) {
    const res = await t.request('POST', `/api/v1/complaints/${id}/status`, { token: agent.token, body: { status } });
    expect(res.statusCode, res.body).toBe(200);
  }
}

const forgedCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('bodies that are not JSON objects', () => {
  it.each([
    ['truncated', '{"channel": '],
    ['unquoted keys', '{channel: "web"}'],
    ['single quotes', "{'channel': 'web'}"],
    ['trailing comma', '{"channel":"web",}'],
    ['bare word', 'hello'],
    ['empty body', ''],
  ])('malformed JSON (%s) → 400 invalid_json', async (_name, raw) => {
    await writesNothing(async () => expectError(await createRaw(raw, 'application/json'), 400, 'invalid_json'));
  });

  it.each([['array', '[]'], ['string', '"complaint"'], ['number', '42'], ['null', 'null'], ['deep array', `${'['.repeat(50_000)}${']'.repeat(50_000)}`]])(
    'JSON that is not an object (%s) → 422 at path "body"',
    async (_name, raw) => {
      await writesNothing(async () => expectValidation(await createRaw(raw, 'application/json'), 'body'));
    },
  );

  it.each([
    ['text/plain', 'text/plain'],
    ['XML', 'application/xml'],
    ['form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=xyz'],
    ['no content-type', undefined],
  ])('a %s body → 415 unsupported_media_type', async (_name, contentType) => {
    await writesNothing(async () => expectError(await createRaw(JSON.stringify(valid()), contentType), 415, 'unsupported_media_type'));
  });

  it('JSON with a charset parameter is accepted', async () => {
    const res = await createRaw(JSON.stringify(valid()), 'application/json; charset=utf-8');
    expect(res.statusCode, res.body).toBe(201);
  });

  it(`a body over MAX_BODY_BYTES (${MAX_BODY_BYTES}) → 413 payload_too_large, on any route`, async () => {
    const huge = 'x'.repeat(MAX_BODY_BYTES + 1);
    const c = await newComplaint();
    await writesNothing(async () => {
      expectError(await create({ ...valid(), description: huge }), 413, 'payload_too_large');
      expectError(await t.request('POST', `/api/v1/complaints/${c.id}/messages`, { token: agent.token, body: { body: huge } }), 413, 'payload_too_large');
      expectError(await t.request('POST', '/api/v1/customers', { token: agent.token, body: { name: huge } }), 413, 'payload_too_large');
    });
  });

  it('a body under the size limit but over a field limit is a 422, not a 413', async () => {
    await writesNothing(async () => expectValidation(await create({ ...valid(), description: 'x'.repeat(30_000) }), 'body.description'));
  });

  it.each([
    ['__proto__', '{"__proto__":{"polluted":true},"channel":"web","subject":"s","description":"d"}'],
    ['nested __proto__', '{"customer":{"name":"x","__proto__":{"polluted":true}},"channel":"web","subject":"s","description":"d"}'],
    ['constructor.prototype', '{"constructor":{"prototype":{"polluted":true}},"channel":"web","subject":"s","description":"d"}'],
  ])('a %s payload → 4xx and no prototype pollution', async (_name, raw) => {
    const res = await writesNothing(() => createRaw(raw, 'application/json'));
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expectError(res, res.statusCode, json<ErrorBody>(res).error.code);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('fields that fail validation on POST /api/v1/complaints', () => {
  const cases: Array<[string, () => unknown, string[]]> = [
    // missing
    ['everything missing', () => ({}), ['body.channel', 'body.subject', 'body.description']],
    ['no customer at all', () => ({ ...valid(), customerId: undefined }), ['body.customerId']],
    ['both customerId and an inline customer', () => ({ ...valid(), customer: { name: 'Both' } }), ['body.customerId']],
    ['inline customer without a name', () => ({ ...valid(), customerId: undefined, customer: { email: 'x@example.com' } }), ['body.customer.name']],
    // wrong types
    ['channel is a number', () => ({ ...valid(), channel: 5 }), ['body.channel']],
    ['subject is an array', () => ({ ...valid(), subject: ['a'] }), ['body.subject']],
    ['description is an object', () => ({ ...valid(), description: { text: 'x' } }), ['body.description']],
    ['amount is a string', () => ({ ...valid(), amount: '12.50' }), ['body.amount']],
    ['tags is a string', () => ({ ...valid(), tags: 'late' }), ['body.tags']],
    ['customerId is a number', () => ({ ...valid(), customerId: 123 }), ['body.customerId']],
    ['customer is a string', () => ({ ...valid(), customerId: undefined, customer: 'Li Lei' }), ['body.customer']],
    ['severity is a boolean', () => ({ ...valid(), severity: true }), ['body.severity']],
    // unknown fields, also nested, also fields that exist elsewhere but may not be set here
    ['unknown top-level field', () => ({ ...valid(), priority: 'high' }), ['body.priority']],
    ['status may not be set on intake', () => ({ ...valid(), status: 'resolved' }), ['body.status']],
    ['unknown nested field', () => ({ ...valid(), customerId: undefined, customer: { name: 'x', vip: true } }), ['body.customer.vip']],
    ['inline customer may not pick its tier', () => ({ ...valid(), customerId: undefined, customer: { name: 'x', tier: 'vip' } }), ['body.customer.tier']],
    // values out of range
    ['unknown channel', () => ({ ...valid(), channel: 'fax' }), ['body.channel']],
    ['unknown category', () => ({ ...valid(), category: 'weather' }), ['body.category']],
    ['unknown severity', () => ({ ...valid(), severity: 'critical' }), ['body.severity']],
    ['customerId not a uuid', () => ({ ...valid(), customerId: 'cust-1' }), ['body.customerId']],
    ['negative amount', () => ({ ...valid(), amount: -1 }), ['body.amount']],
    ['absurd amount', () => ({ ...valid(), amount: 1e11 }), ['body.amount']],
    ['lower-case currency', () => ({ ...valid(), amount: 5, currency: 'cny' }), ['body.currency']],
    ['tag with a comma', () => ({ ...valid(), tags: ['late,lost'] }), ['body.tags.0']],
    ['too many tags', () => ({ ...valid(), tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }), ['body.tags']],
    ['bad inline email', () => ({ ...valid(), customerId: undefined, customer: { name: 'x', email: 'not-an-email' } }), ['body.customer.email']],
    ['bad inline phone', () => ({ ...valid(), customerId: undefined, customer: { name: 'x', phone: 'call me' } }), ['body.customer.phone']],
    // text limits
    ['empty subject', () => ({ ...valid(), subject: '' }), ['body.subject']],
    ['blank subject', () => ({ ...valid(), subject: '   \t ' }), ['body.subject']],
    ['subject over 200 characters', () => ({ ...valid(), subject: 'x'.repeat(201) }), ['body.subject']],
    ['description over 20,000 characters', () => ({ ...valid(), description: 'x'.repeat(20_001) }), ['body.description']],
    ['subject on two lines', () => ({ ...valid(), subject: 'first\nsecond' }), ['body.subject']],
    ['tag over 40 characters', () => ({ ...valid(), tags: ['x'.repeat(41)] }), ['body.tags.0']],
    // control characters and broken Unicode
    ['BEL in the subject', () => ({ ...valid(), subject: 'ding\u0007' }), ['body.subject']],
    ['ANSI escape in the description', () => ({ ...valid(), description: '\u001b[31mred alert\u001b[0m' }), ['body.description']],
    ['NUL in the description', () => ({ ...valid(), description: 'a\u0000b' }), ['body.description']],
    ['DEL in the subject', () => ({ ...valid(), subject: 'a\u007fb' }), ['body.subject']],
    ['C1 control in the description', () => ({ ...valid(), description: 'a\u009bb' }), ['body.description']],
    ['vertical tab in a tag', () => ({ ...valid(), tags: ['a\u000bb'] }), ['body.tags.0']],
    ['control character in the inline customer name', () => ({ ...valid(), customerId: undefined, customer: { name: 'Li\u0008Lei' } }), ['body.customer.name']],
    ['control character in the order reference', () => ({ ...valid(), orderId: 'PO\u00001' }), ['body.orderId']],
    ['lone surrogate in the subject', () => ({ ...valid(), subject: 'broken \ud800 text' }), ['body.subject']],
    ['lone low surrogate in the description', () => ({ ...valid(), description: 'broken \udc00' }), ['body.description']],
  ];

  it.each(cases)('%s → 422 validation_failed', async (_name, body, paths) => {
    await writesNothing(async () => expectValidation(await create(body()), ...paths));
  });

  it('reports every problem at once', async () => {
    const error = expectValidation(await create({ channel: 'fax', subject: '', description: 'x'.repeat(20_001), customerId: customer.id, extra: 1 }),
      'body.channel', 'body.subject', 'body.description', 'body.extra');
    expect(error.details.length).toBeGreaterThanOrEqual(4);
  });

  it('an Infinity amount (1e400 in JSON) → 422', async () => {
    const raw = JSON.stringify(valid()).replace(/}$/, ',"amount":1e400}');
    await writesNothing(async () => expectValidation(await createRaw(raw, 'application/json'), 'body.amount'));
  });
});

describe('text that is fine', () => {
  it('tab, newline and CR/LF in the description, tab in the subject, and limits exactly reached are accepted', async () => {
    const description = 'line one\n\tindented\r\nline three';
    const res = await create({ ...valid(), subject: 'a\tb', description });
    expect(res.statusCode, res.body).toBe(201);
    expect(json<Complaint>(res).description).toBe(description);
    const max = await create({ ...valid(), subject: '长'.repeat(200), description: 'x'.repeat(20_000) });
    expect(max.statusCode, max.body).toBe(201);
    expect(json<Complaint>(max).subject).toBe('长'.repeat(200));
  });

  it('HTML and script are stored verbatim and returned as the same string in get, list and messages', async () => {
    const subject = '<script>alert("pwned")</script>';
    const description = `<img src=x onerror="alert(1)"> &amp; &lt;b&gt; 'single' "double" \\ backslash; DROP TABLE complaints;--`;
    const res = await create({ ...valid(), subject, description });
    expect(res.statusCode, res.body).toBe(201);
    const id = json<Complaint>(res).id;
    const got = await t.request('GET', `/api/v1/complaints/${id}`, { token: agent.token });
    expect(got.headers['content-type']).toMatch(/^application\/json/);
    expect(json<Complaint>(got)).toMatchObject({ subject, description });
    const listed = json<{ items: Complaint[] }>(await t.request('GET', `/api/v1/complaints?q=${encodeURIComponent('<script>')}`, { token: agent.token })).items;
    expect(listed.map((c) => c.subject)).toEqual([subject]);
    const [row] = await t.db.query<{ subject: string; description: string }>('select subject, description from complaints where id = $1', [id]);
    expect(row).toEqual({ subject, description });

    const reply = '<a href="javascript:alert(1)">click</a>';
    expect((await t.request('POST', `/api/v1/complaints/${id}/messages`, { token: agent.token, body: { body: reply } })).statusCode).toBe(201);
    const messages = json<{ items: Array<{ body: string }> }>(await t.request('GET', `/api/v1/complaints/${id}/messages`, { token: agent.token })).items;
    expect(messages.map((m) => m.body)).toEqual([reply]);
  });

  it('JSON arrays in jsonb columns (order items, message attachments) come back as arrays', async () => {
    const items = [{ sku: 'A-1', name: 'Kettle <b>', quantity: 2, price: 49.5 }];
    const res = await t.request('POST', '/api/v1/orders', { token: agent.token, body: { number: `PO-${++seq}`, customerId: customer.id, amount: 99, items } });
    expect(res.statusCode, res.body).toBe(201);
    expect(json<{ items: unknown }>(res).items).toEqual(items);
    const empty = await t.request('POST', '/api/v1/orders', { token: agent.token, body: { number: `PO-${++seq}`, customerId: customer.id, amount: 1 } });
    expect(json<{ items: unknown }>(empty).items).toEqual([]);
    const id = json<{ id: string }>(res).id;
    const patched = await t.request('PATCH', `/api/v1/orders/${id}`, { token: agent.token, body: { items: [...items, { name: 'Lid', quantity: 1, price: 5 }] } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(json<{ items: unknown[] }>(patched).items).toHaveLength(2);

    const c = await newComplaint();
    const attachments = [{ name: 'photo.jpg', contentType: 'image/jpeg', size: 12345 }];
    const msg = await t.request('POST', `/api/v1/complaints/${c.id}/messages`, { token: agent.token, body: { kind: 'internal_note', body: 'see photo', attachments } });
    expect(msg.statusCode, msg.body).toBe(201);
    expect(json<{ attachments: unknown }>(msg).attachments).toEqual(attachments);
    const plain = await t.request('POST', `/api/v1/complaints/${c.id}/messages`, { token: agent.token, body: { kind: 'internal_note', body: 'no files' } });
    expect(json<{ attachments: unknown }>(plain).attachments).toEqual([]);
  });
});

describe('headers', () => {
  it.each([
    ['with a space', 'retry key'],
    ['over 200 characters', 'k'.repeat(201)],
    ['with a tab', 'a\tb'],
    ['with non-ASCII', 'clé-1'],
  ])('an Idempotency-Key %s → 422 at headers.idempotency-key, nothing claimed', async (_name, key) => {
    await writesNothing(async () => expectValidation(await create(valid(), { headers: { 'idempotency-key': key } }), 'headers.idempotency-key'));
  });
});

describe('references to records that do not exist or are not yours', () => {
  it('an unknown customerId or orderId → 422 naming the field, nothing written', async () => {
    await writesNothing(async () => {
      expectValidation(await create({ ...valid(), customerId: NO_SUCH_ID }), 'body.customerId');
      expectValidation(await create({ ...valid(), orderId: NO_SUCH_ID }), 'body.orderId');
      expectValidation(await create({ ...valid(), orderId: 'PO-DOES-NOT-EXIST' }), 'body.orderId');
    });
  });

  it("a new inline customer is not left behind when the order check fails later in the same transaction", async () => {
    await writesNothing(async () => {
      expectValidation(await create({ ...valid(), customerId: undefined, customer: { name: 'Fresh', email: `fresh-${seq}@example.com` }, orderId: NO_SUCH_ID }), 'body.orderId');
    });
    const [row] = await t.db.query<{ n: number }>(`select count(*)::int as n from customers where email = $1`, [`fresh-${seq}@example.com`]);
    expect(row!.n).toBe(0);
  });

  it("another customer's order (by id or number) is refused exactly like a missing one", async () => {
    await writesNothing(async () => {
      for (const [theirs, missing] of [[otherOrder.id, NO_SUCH_ID], [otherOrder.number, 'PO-NONE']] as const) {
        const a = await create({ ...valid(), orderId: theirs });
        const b = await create({ ...valid(), orderId: missing });
        expectValidation(a, 'body.orderId');
        expect(a.body).toBe(b.body);
      }
    });
  });

  it("a customer naming another customer's id or order gets a 422 that leaks nothing", async () => {
    await writesNothing(async () => {
      const theirs = await create({ ...valid(), customerId: otherCustomer.id }, { token: customer.token });
      const missing = await create({ ...valid(), customerId: NO_SUCH_ID }, { token: customer.token });
      expectValidation(theirs, 'body.customerId');
      expect(theirs.body).toBe(missing.body);
      const order = await create({ ...valid(), orderId: otherOrder.number }, { token: customer.token });
      expectValidation(order, 'body.orderId');
      expect(order.body).not.toContain(otherCustomer.id);
      expect(order.body).not.toContain(otherOrder.id);
    });
  });

  it('PATCH with an unknown assignee or department → 422 and no partial change or event', async () => {
    const c = await newComplaint();
    await writesNothing(async () => {
      expectValidation(await t.request('PATCH', `/api/v1/complaints/${c.id}`, { token: agent.token, body: { assigneeId: NO_SUCH_ID } }), 'body.assigneeId');
      // category changes first and writes its event; the bad department must roll all of it back
      expectValidation(await t.request('PATCH', `/api/v1/complaints/${c.id}`, { token: agent.token, body: { category: 'refund', department: 'nope' } }), 'body.department');
      expectValidation(await t.request('PATCH', `/api/v1/complaints/${c.id}`, { token: agent.token, body: { assigneeId: agent.id, severity: 'urgent', department: 'nope' } }), 'body.department');
      expectValidation(await t.request('PATCH', `/api/v1/complaints/${c.id}`, { token: agent.token, body: { reason: 'nothing else' } }), 'body');
    });
    const after = json<Complaint & { category: string; severity: string; assignee: unknown }>(await t.request('GET', `/api/v1/complaints/${c.id}`, { token: agent.token }));
    const before = c as unknown as { category: string; severity: string };
    expect(after).toMatchObject({ category: before.category, severity: before.severity, assignee: null });
    expect(after.severity).not.toBe('urgent');
  });
});

describe('illegal transitions', () => {
  const cases: Array<[string[], string]> = [
    [[], 'closed'],
    [[], 'reopened'],
    [[], 'awaiting_department'],
    [[], 'new'],
    [['in_progress'], 'new'],
    [['resolved'], 'in_progress'],
    [['resolved'], 'cancelled'],
    [['resolved', 'closed'], 'reopened'],
    [['resolved', 'closed'], 'closed'],
    [['cancelled'], 'in_progress'],
  ];
  it.each(cases)('after %j, → %s is 409 invalid_transition and changes nothing', async (path, to) => {
    const c = await newComplaint();
    await moveTo(c.id, ...path);
    const from = path.at(-1) ?? 'new';
    const error = await writesNothing(async () =>
      expectError(await t.request('POST', `/api/v1/complaints/${c.id}/status`, { token: agent.token, body: { status: to } }), 409, 'invalid_transition'));
    expect(error.details[0]).toMatchObject({ from, to });
    expect(json<Complaint>(await t.request('GET', `/api/v1/complaints/${c.id}`, { token: agent.token })).status).toBe(from);
  });

  it('a status that does not exist → 422, not 409', async () => {
    const c = await newComplaint();
    await writesNothing(async () => expectValidation(await t.request('POST', `/api/v1/complaints/${c.id}/status`, { token: agent.token, body: { status: 'done' } }), 'body.status'));
  });

  it('a closed complaint takes no replies and no re-classification (409 conflict)', async () => {
    const c = await newComplaint();
    await moveTo(c.id, 'resolved', 'closed');
    await writesNothing(async () => {
      expectError(await t.request('POST', `/api/v1/complaints/${c.id}/messages`, { token: agent.token, body: { body: 'late reply' } }), 409, 'conflict');
      expectError(await t.request('PATCH', `/api/v1/complaints/${c.id}`, { token: agent.token, body: { severity: 'urgent' } }), 409, 'conflict');
    });
  });

  it('a message that is too long or has bad attachments → 422, no message written', async () => {
    const c = await newComplaint();
    await writesNothing(async () => {
      const url = `/api/v1/complaints/${c.id}/messages`;
      expectValidation(await t.request('POST', url, { token: agent.token, body: { body: 'x'.repeat(20_001) } }), 'body.body');
      expectValidation(await t.request('POST', url, { token: agent.token, body: { body: 'ok', kind: 'shout' } }), 'body.kind');
      expectValidation(await t.request('POST', url, { token: agent.token, body: { body: 'ok', attachments: [{ name: 'a', contentType: 'x', size: -1 }] } }), 'body.attachments.0.size');
      expectValidation(await t.request('POST', url, { token: agent.token, body: { body: 'ok', attachments: [{ name: 'a\ud800', contentType: 'x', size: 1 }] } }), 'body.attachments.0.name');
      expectValidation(await t.request('POST', url, { token: agent.token, body: { body: '\u001b]0;owned\u0007' } }), 'body.body');
    });
  });
});

describe('ids', () => {
  const complaintRoutes: Array<[string, string, Record<string, unknown>?]> = [
    ['GET', ''],
    ['PATCH', '', { severity: 'urgent' }],
    ['POST', '/status', { status: 'in_progress' }],
    ['GET', '/messages'],
    ['POST', '/messages', { body: 'hello' }],
    ['GET', '/events'],
  ];

  it.each(complaintRoutes)('%s /complaints/<unknown uuid>%s → 404 not_found', async (method, suffix, body) => {
    await writesNothing(async () => expectError(await t.request(method, `/api/v1/complaints/${NO_SUCH_ID}${suffix}`, { token: agent.token, body }), 404, 'not_found'));
  });

  it.each([
    ['GET', '/api/v1/customers/:id'],
    ['PATCH', '/api/v1/customers/:id', { name: 'x' }],
    ['DELETE', '/api/v1/customers/:id'],
    ['POST', '/api/v1/customers/:id/access-tokens'],
    ['GET', '/api/v1/orders/:id'],
    ['PATCH', '/api/v1/orders/:id', { status: 'paid' }],
    ['DELETE', '/api/v1/orders/:id'],
    ['PATCH', '/api/v1/departments/:id', { name: 'x' }],
    ['PATCH', '/api/v1/users/:id', { name: 'x' }],
    ['DELETE', '/api/v1/auth/api-tokens/:id'],
  ] as Array<[string, string, Record<string, unknown>?]>)('%s %s with an unknown uuid → 404 not_found', async (method, url, body) => {
    expectError(await t.request(method, url.replace(':id', NO_SUCH_ID), { token: admin.token, body }), 404, 'not_found');
  });

  it.each([
    ['a word', 'not-a-uuid'],
    ['a number', '12345'],
    ['SQL', encodeURIComponent("1' or '1'='1")],
    ['an encoded NUL', '%00'],
    ['a uuid with a suffix', `${NO_SUCH_ID}x`],
    ['a uuid without dashes', NO_SUCH_ID.replace(/-/g, '')],
    ['a path-length id', 'a'.repeat(150)],
  ])('a malformed id (%s) → 404 not_found, like an unknown one', async (_name, id) => {
    for (const [method, suffix, body] of complaintRoutes) {
      await writesNothing(async () => expectError(await t.request(method, `/api/v1/complaints/${id}${suffix}`, { token: agent.token, body }), 404, 'not_found'));
    }
    expectError(await t.request('GET', `/api/v1/orders/${id}`, { token: agent.token }), 404, 'not_found');
  });

  it('a broken percent-encoding in the path → 400 bad_request in the error shape', async () => {
    expectError(await t.request('GET', '/api/v1/complaints/%E0%A4%A', { token: agent.token }), 400, 'bad_request');
  });
});

describe('query parameters', () => {
  const complaintQueries: Array<[string, string]> = [
    ['limit=0', 'query.limit'],
    ['limit=201', 'query.limit'],
    ['limit=-5', 'query.limit'],
    ['limit=1.5', 'query.limit'],
    ['limit=ten', 'query.limit'],
    ['limit=1&limit=2', 'query.limit'],
    ['status=bogus', 'query.status'],
    ['status=new,bogus', 'query.status'],
    ['severity=high', 'query.severity'],
    ['channel=fax', 'query.channel'],
    ['category=weather', 'query.category'],
    ['atRisk=maybe', 'query.atRisk'],
    ['breached=yes', 'query.breached'],
    ['sort=random', 'query.sort'],
    ['customerId=cust-1', 'query.customerId'],
    ['departmentId=1', 'query.departmentId'],
    ['assigneeId=someone', 'query.assigneeId'],
    ['createdFrom=yesterday', 'query.createdFrom'],
    ['createdFrom=2026-02-30T00:00:00Z', 'query.createdFrom'],
    ['createdTo=2026-03-01', 'query.createdTo'],
    ['createdFrom=0000-01-01T00:00:00Z', 'query.createdFrom'],
    [`q=${'x'.repeat(201)}`, 'query.q'],
    ['q=%00', 'query.q'],
    ['q=%1B%5B31m', 'query.q'],
    ['cursor=garbage', 'query.cursor'],
    [`cursor=${'A'.repeat(501)}`, 'query.cursor'],
    [`cursor=${forgedCursor({ not: 'an array' })}`, 'query.cursor'],
    [`cursor=${forgedCursor(['not a date', NO_SUCH_ID])}`, 'query.cursor'],
    [`cursor=${forgedCursor(['2026-03-01T00:00:00.000Z', 'not-a-uuid'])}`, 'query.cursor'],
    [`cursor=${forgedCursor([1e300, 5])}`, 'query.cursor'],
    [`cursor=${forgedCursor([null, NO_SUCH_ID])}`, 'query.cursor'], // null sorts last only in the urgency order
    [`sort=urgency&cursor=${forgedCursor([null, "x' or 1=1"])}`, 'query.cursor'],
    [`sort=urgency&cursor=${forgedCursor(['0000-01-01T00:00:00Z', NO_SUCH_ID])}`, 'query.cursor'],
    ['unknown=1', 'query.unknown'],
  ];
  it.each(complaintQueries)('GET /complaints?%s → 422 at %s', async (query, path) => {
    expectValidation(await t.request('GET', `/api/v1/complaints?${query}`, { token: agent.token }), path);
  });

  it.each([
    ['/api/v1/customers?limit=0', 'query.limit'],
    ['/api/v1/customers?tier=gold', 'query.tier'],
    [`/api/v1/customers?cursor=${forgedCursor(['x', 'y'])}`, 'query.cursor'],
    [`/api/v1/orders?cursor=${forgedCursor(['2026-03-01T00:00:00Z', 'y'])}`, 'query.cursor'],
    ['/api/v1/orders?status=lost', 'query.status'],
    ['/api/v1/users?role=god', 'query.role'],
    [`/api/v1/complaints/${NO_SUCH_ID}/events?lane=basement`, 'query.lane'],
  ])('GET %s → 422 at %s', async (url, path) => {
    expectValidation(await t.request('GET', url, { token: admin.token }), path);
  });

  it('a cursor handed out by a page works (the strict checks do not break real paging)', async () => {
    for (let i = 0; i < 3; i++) await newComplaint();
    for (const sort of ['-created', 'created', 'urgency']) {
      const first = json<{ nextCursor: string | null }>(await t.request('GET', `/api/v1/complaints?limit=2&sort=${sort}`, { token: agent.token }));
      expect(first.nextCursor).not.toBeNull();
      const next = await t.request('GET', `/api/v1/complaints?limit=2&sort=${sort}&cursor=${first.nextCursor}`, { token: agent.token });
      expect(next.statusCode, next.body).toBe(200);
    }
  });
});

describe('routes', () => {
  it.each([
    ['GET', '/api/v1/nope'],
    ['GET', '/api/v2/complaints'],
    ['POST', '/api/v1/complaints/x/y/z'],
    ['DELETE', '/api/v1/complaints'],
    ['PUT', `/api/v1/complaints/${NO_SUCH_ID}`],
  ])('%s %s → 404 route_not_found', async (method, url) => {
    await writesNothing(async () => expectError(await t.request(method, url, { token: agent.token, body: method === 'GET' || method === 'DELETE' ? undefined : valid() }), 404, 'route_not_found'));
  });
});
