import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

type Dup = { complaintId: string; number: string; subject: string; similarity: number; status: string; complaintStatus: string };

let t: TestApp;
let agent: { token: string };

beforeAll(async () => {
  t = await createTestApp();
  agent = await t.user('agent');
});
afterAll(async () => t.stop());

describe('duplicate suggestions', () => {
  it('tell the candidate complaint\'s own status apart from the suggestion\'s', async () => {
    const customer = { name: 'Twice sent', email: 'twice@example.com' };
    const post = async (channel: string) => json<{ id: string; number: string }>(await t.request('POST', '/api/v1/complaints', {
      token: agent.token,
      body: { channel, customer, subject: 'Blender arrived with a cracked jug', description: 'The blender from order 5521 arrived with a cracked jug, please replace it.' },
    }));
    const first = await post('email');
    const second = await post('web');
    const status = await t.request('POST', `/api/v1/complaints/${first.id}/status`, { token: agent.token, body: { status: 'in_progress' } });
    expect(status.statusCode, status.body).toBe(200);

    const dups = json<{ items: Dup[] }>(await t.request('GET', `/api/v1/complaints/${second.id}/duplicates`, { token: agent.token })).items;
    expect(dups).toHaveLength(1);
    expect(dups[0]).toMatchObject({ complaintId: first.id, number: first.number, status: 'open', complaintStatus: 'in_progress' });

    expect((await t.request('POST', `/api/v1/complaints/${second.id}/merge`, { token: agent.token, body: { into: first.number } })).statusCode).toBe(200);
    const after = json<{ items: Dup[] }>(await t.request('GET', `/api/v1/complaints/${second.id}/duplicates`, { token: agent.token })).items;
    expect(after[0]).toMatchObject({ status: 'merged', complaintStatus: 'in_progress' });
  });
});
