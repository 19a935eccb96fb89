import { describe, expect, it } from 'vitest';
import { parseHallPath } from './hall-router.js';

describe('public article route', () => {
  it('reads /kb/<slug> with the locale the link names', () => {
    expect(parseHallPath('/kb/refund-timing', '?locale=en')).toEqual({ name: 'article', slug: 'refund-timing', locale: 'en' });
    expect(parseHallPath('/kb/refund-timing', '?locale=zh-CN')).toEqual({ name: 'article', slug: 'refund-timing', locale: 'zh-CN' });
    expect(parseHallPath('/hall/kb/refund-timing', '')).toEqual({ name: 'article', slug: 'refund-timing', locale: null });
  });

  it('ignores unknown locales and refuses what is no slug', () => {
    expect(parseHallPath('/kb/refund-timing', '?locale=fr')).toMatchObject({ name: 'article', locale: null });
    expect(parseHallPath('/kb/Refund%20timing', '').name).toBe('notFound');
    expect(parseHallPath('/kb/a/b', '').name).toBe('notFound');
  });
});
