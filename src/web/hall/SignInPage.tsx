import { useEffect, useState, type FormEvent } from 'react';
import { getLocale } from '../i18n.js';
import { hallApi, HallError } from './hall-api.js';
import { useHallI18n } from './hall-i18n.js';

type Channel = 'email' | 'phone';

function messageFor(err: unknown, ht: ReturnType<typeof useHallI18n>['ht']): string {
  if (err instanceof HallError) {
    if (err.code === 'invalid_code') return ht('signin.invalidCode');
    if (err.code === 'code_expired') return ht('signin.codeExpired');
    if (err.code === 'rate_limited') return ht('signin.rateLimited');
    return err.message;
  }
  return ht('hall.error.network');
}

/** Sign-in with a one-time code by email or SMS; the emailed one-click link lands here too (#magic=…). */
export function SignInPage({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const { ht } = useHallI18n();
  const [channel, setChannel] = useState<Channel>('email');
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const [stage, setStage] = useState<'address' | 'code' | 'magic'>(() => (window.location.hash.startsWith('#magic=') ? 'magic' : 'address'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (stage !== 'magic') return;
    const token = decodeURIComponent(window.location.hash.slice('#magic='.length));
    // The link is single-use: take it out of the address bar and history before using it.
    window.history.replaceState(null, '', '/hall/signin');
    hallApi
      .post<{ token: string }>('/api/v1/portal/auth/magic', { token })
      .then((r) => onSignedIn(r.token))
      .catch((err: unknown) => {
        setError(messageFor(err, ht));
        setStage('address');
      });
  }, [stage, onSignedIn, ht]);

  const who = () => (channel === 'email' ? { email: address.trim() } : { phone: address.trim() });

  async function sendCode(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await hallApi.post('/api/v1/portal/auth/code', { ...who(), locale: getLocale() });
      setStage('code');
    } catch (err) {
      setError(messageFor(err, ht));
    } finally {
      setBusy(false);
    }
  }

  async function verify(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await hallApi.post<{ token: string }>('/api/v1/portal/auth/verify', { ...who(), code: code.trim() });
      onSignedIn(r.token);
    } catch (err) {
      setError(messageFor(err, ht));
    } finally {
      setBusy(false);
    }
  }

  if (stage === 'magic') return <p className="hall-empty" data-testid="signin-magic">{ht('signin.magic')}</p>;

  return (
    <section className="hall-card hall-signin" aria-labelledby="signin-title">
      <h1 id="signin-title">{ht('signin.title')}</h1>
      <p className="hall-muted">{ht('signin.intro')}</p>
      {error && <div className="hall-error" role="alert" data-testid="hall-error">{error}</div>}
      {stage === 'address' ? (
        <form onSubmit={sendCode} className="hall-form">
          <div className="hall-tabs" role="radiogroup" aria-label={ht('signin.title')}>
            {(['email', 'phone'] as const).map((c) => (
              <label key={c} className={`hall-tab${channel === c ? ' is-active' : ''}`}>
                <input type="radio" name="channel" value={c} checked={channel === c} onChange={() => setChannel(c)} data-testid={`signin-by-${c}`} />
                {ht(c === 'email' ? 'signin.byEmail' : 'signin.byPhone')}
              </label>
            ))}
          </div>
          <label className="hall-field">
            <span>{ht(channel === 'email' ? 'signin.email' : 'signin.phone')}</span>
            <input
              data-testid="signin-address"
              type={channel === 'email' ? 'email' : 'tel'}
              autoComplete={channel === 'email' ? 'email' : 'tel'}
              inputMode={channel === 'email' ? 'email' : 'tel'}
              required
              value={address}
              onChange={(e) => setAddress(e.target.value)}
            />
          </label>
          <button type="submit" className="hall-btn hall-btn-primary" data-testid="signin-send" disabled={busy}>
            {busy ? ht('signin.sending') : ht('signin.send')}
          </button>
        </form>
      ) : (
        <form onSubmit={verify} className="hall-form">
          <p className="hall-note" data-testid="signin-sent">{ht('signin.sent')}</p>
          <label className="hall-field">
            <span>{ht('signin.code')}</span>
            <input
              data-testid="signin-code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              maxLength={6}
              required
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            />
          </label>
          <button type="submit" className="hall-btn hall-btn-primary" data-testid="signin-verify" disabled={busy || code.length !== 6}>
            {busy ? ht('signin.verifying') : ht('signin.verify')}
          </button>
          <button type="button" className="hall-link" onClick={() => { setStage('address'); setCode(''); setError(null); }}>
            {ht('signin.otherAddress')}
          </button>
        </form>
      )}
    </section>
  );
}
