import { describe, expect, it } from 'vitest';
import { insertAtCursor, kbSnippet, shortExcerpt } from './reply-insert.js';

describe('insertAtCursor', () => {
  it('fills an empty reply and puts the caret behind the snippet', () => {
    expect(insertAtCursor('', 0, 0, 'LINK')).toEqual({ text: 'LINK', cursor: 4 });
  });

  it('gives a snippet typed mid-line lines of its own', () => {
    const r = insertAtCursor('Hello there, see this and thanks', 17, 17, 'LINK');
    expect(r.text).toBe('Hello there, see\nLINK\nthis and thanks');
    expect(r.text.slice(0, r.cursor)).toBe('Hello there, see\nLINK');
  });

  it('adds no extra newlines at line starts and ends', () => {
    expect(insertAtCursor('Hi,\n\nBye', 4, 4, 'LINK').text).toBe('Hi,\nLINK\nBye');
    expect(insertAtCursor('Hi,\n', 4, 4, 'LINK').text).toBe('Hi,\nLINK');
  });

  it('replaces the selection, whichever way it was made', () => {
    expect(insertAtCursor('Read [here] please', 5, 11, 'LINK').text).toBe('Read\nLINK\nplease');
    expect(insertAtCursor('Read [here] please', 11, 5, 'LINK').text).toBe('Read\nLINK\nplease');
  });

  it('appends when the caret is out of range', () => {
    expect(insertAtCursor('Hi', 99, 99, 'LINK')).toEqual({ text: 'Hi\nLINK', cursor: 7 });
    expect(insertAtCursor('Hi', Number.NaN, Number.NaN, 'LINK').text).toBe('Hi\nLINK');
  });
});

describe('shortExcerpt', () => {
  it('keeps a short excerpt as it is and collapses whitespace', () => {
    expect(shortExcerpt('Refunds take  3–7\n days.', 140)).toBe('Refunds take 3–7 days.');
  });

  it('keeps the server\'s mark that the text goes on', () => {
    expect(shortExcerpt('Refunds go back to the card …', 140)).toBe('Refunds go back to the card…');
  });

  it('cuts English at the last sentence end, not inside a number', () => {
    const text = 'Version 3.5 of the app fixes logins. Older versions must be updated from the store page before signing in again';
    expect(shortExcerpt(text, 60)).toBe('Version 3.5 of the app fixes logins.');
  });

  it('cuts English at a word boundary when no sentence ends in reach', () => {
    const out = shortExcerpt('Approved refunds go back to the original card within seven business days of approval', 40);
    expect(out).toBe('Approved refunds go back to the…');
    expect(out.length).toBeLessThanOrEqual(40);
  });

  it('cuts Chinese at a full stop, or anywhere with an ellipsis', () => {
    expect(shortExcerpt('审核通过后退款原路退回。银行卡三到七个工作日到账，余额即时到账', 20)).toBe('审核通过后退款原路退回。');
    const out = shortExcerpt('审核通过后退款原路退回银行卡三到七个工作日到账余额即时到账', 12);
    expect(out).toBe('审核通过后退款原路退回…');
    expect(out.length).toBe(12);
  });
});

describe('kbSnippet', () => {
  it('is the title, a short excerpt and the link, one per line', () => {
    const s = kbSnippet({ title: ' Refund timing ', excerpt: 'Approved refunds arrive within seven business days.', url: 'https://help.example.com/kb/refund-timing?locale=en' });
    expect(s).toBe('Refund timing\nApproved refunds arrive within seven business days.\nhttps://help.example.com/kb/refund-timing?locale=en');
  });

  it('leaves out an empty excerpt', () => {
    expect(kbSnippet({ title: 'T', excerpt: '  ', url: 'https://x/kb/t?locale=en' })).toBe('T\nhttps://x/kb/t?locale=en');
  });
});
