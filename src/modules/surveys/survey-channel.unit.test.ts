import { describe, expect, it } from 'vitest';
import { surveyTokenFromPath } from '../../web/router.js';
import { surveyChannel } from './survey-lifecycle.js';

describe('survey channel', () => {
  const both = { email: 'a@example.com', phone: '+8613800000000' };
  it('follows the channel the customer complained through when it can reach them there', () => {
    expect(surveyChannel('email', both)).toBe('email');
    expect(surveyChannel('phone', both)).toBe('sms');
    expect(surveyChannel('web', both)).toBe('in_app');
    expect(surveyChannel('hall', both)).toBe('in_app');
    expect(surveyChannel('chat', both)).toBe('in_app');
  });
  it('falls back to email, then SMS, then the portal', () => {
    expect(surveyChannel('phone', { email: 'a@example.com', phone: null })).toBe('email');
    expect(surveyChannel('email', { email: null, phone: '+8613800000000' })).toBe('sms');
    expect(surveyChannel('webhook', { email: null, phone: null })).toBe('in_app');
    expect(surveyChannel('social', both)).toBe('email');
  });
});

describe('survey page path', () => {
  it('takes the token from /survey/<token> only', () => {
    expect(surveyTokenFromPath('/survey/abc.def')).toBe('abc.def');
    expect(surveyTokenFromPath('/survey/abc.def/')).toBe('abc.def');
    expect(surveyTokenFromPath('/survey/')).toBeNull();
    expect(surveyTokenFromPath('/survey/a/b')).toBeNull();
    expect(surveyTokenFromPath('/')).toBeNull();
    expect(surveyTokenFromPath('/surveys/abc')).toBeNull();
  });
});
