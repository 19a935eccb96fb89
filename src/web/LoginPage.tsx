import { useState, type FormEvent } from 'react';
import { api } from './api.js';
import { ErrorBox } from './ErrorBox.js';
import { useI18n } from './i18n.js';
import { LocaleSwitch } from './LocaleSwitch.js';
import type { LoginResponse, User } from './types.js';

export function LoginPage({ onLogin }: { onLogin: (token: string, user: User) => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<LoginResponse>('/api/v1/auth/login', { email: email.trim(), password });
      onLogin(res.token, res.user);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <div className="login-screen">
      <form className="card login-card" onSubmit={(e) => void submit(e)} noValidate>
        <div className="login-top">
          <span className="brand-name">{t('app.name')}</span>
          <LocaleSwitch />
        </div>
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('login.subtitle')}</p>
        <label className="field">
          <span>{t('login.email')}</span>
          <input
            type="email"
            autoComplete="username"
            data-testid="login-email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            autoFocus
          />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input
            type="password"
            autoComplete="current-password"
            data-testid="login-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        <ErrorBox error={error} />
        <button type="submit" className="btn btn-primary btn-block" data-testid="login-submit" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
