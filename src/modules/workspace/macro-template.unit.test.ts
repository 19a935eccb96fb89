import { describe, expect, it } from 'vitest';
import { renderMacro, unknownVariables } from './macro-template.js';

describe('macro templates', () => {
  it('fills known variables, blanks missing ones', () => {
    expect(renderMacro('您好 {{customer.name}}，关于 {{ complaint.number }}（订单 {{order.number}}）', { 'customer.name': '王芳', 'complaint.number': 'C-2026-000001' }))
      .toBe('您好 王芳，关于 C-2026-000001（订单 ）');
  });

  it('names the variables it does not know', () => {
    expect(unknownVariables('Hi {{customer.name}} {{customer.password}} {{ x }}')).toEqual(['customer.password', 'x']);
    expect(unknownVariables('no variables, just {braces}')).toEqual([]);
  });
});
