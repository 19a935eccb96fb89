import { useEffect, useState, type FormEvent } from 'react';
import { LOCALE_KEY, useI18n, type MessageKey } from './i18n.js';
import { LocaleSwitch } from './LocaleSwitch.js';

/** What GET /api/v1/surveys/:token answers. */
interface SurveyView {
  complaintNumber: string;
  subject: string;
  resolvedAt: string;
  status: string;
  locale: string;
  alreadyAnswered: boolean;
}

type Outcome = 'reopened' | 'closed' | 'recorded';
type State =
  | { kind: 'loading' }
  | { kind: 'error'; code: string }
  | { kind: 'form'; survey: SurveyView }
  | { kind: 'done'; outcome: Outcome | 'already' };

const ERROR_KEYS: Record<string, MessageKey> = {
  survey_not_found: 'survey.error.notFound',
  survey_expired: 'survey.error.expired',
  network: 'survey.error.network',
};

/**
 * The survey a customer opens from the link in a notice (/survey/<token>). No sign-in: the
 * token is the credential, so this talks to the API without any stored staff token.
 */
async function call<T>(method: 'GET' | 'POST', token: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/surveys/${encodeURIComponent(token)}`, {
      method,
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new Error('network');
  }
  const data = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
  if (!res.ok) throw new Error(data?.error?.code ?? 'network');
  return data as T;
}

function hasStoredLocale(): boolean {
  try {
    return localStorage.getItem(LOCALE_KEY) !== null;
  } catch {
    return false;
  }
}

export function SurveyPage({ token }: { token: string }) {
  const { t, locale, setLocale } = useI18n();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [csat, setCsat] = useState<number | null>(null);
  const [nps, setNps] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call<SurveyView>('GET', token)
      .then((survey) => {
        if (!live) return;
        // the customer's language unless they picked one on this device
        if (!hasStoredLocale() && (survey.locale === 'zh-CN' || survey.locale === 'en')) setLocale(survey.locale);
        setState(survey.alreadyAnswered ? { kind: 'done', outcome: 'already' } : { kind: 'form', survey });
      })
      .catch((err: Error) => {
        if (live) setState({ kind: 'error', code: err.message });
      });
    return () => {
      live = false;
    };
  }, [token, setLocale]);

  useEffect(() => {
    document.title = t('survey.title');
  }, [t, locale]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (csat === null) return;
    setBusy(true);
    setSubmitError(null);
    try {
      const body = { csat, ...(nps !== null ? { nps } : {}), ...(comment.trim() ? { comment: comment.trim() } : {}) };
      const res = await call<{ outcome: Outcome }>('POST', token, body);
      setState({ kind: 'done', outcome: res.outcome });
    } catch (err) {
      const code = (err as Error).message;
      if (code === 'survey_already_answered') setState({ kind: 'done', outcome: 'already' });
      else if (code === 'survey_expired' || code === 'survey_not_found') setState({ kind: 'error', code });
      else setSubmitError(code === 'network' ? t('survey.error.network') : t('survey.error.invalid'));
      setBusy(false);
    }
  }

  return (
    <div className="survey-screen">
      <div className="card survey-card">
        <div className="login-top">
          <span className="brand-name">{t('app.name')}</span>
          <LocaleSwitch />
        </div>
        <h1>{t('survey.title')}</h1>
        {state.kind === 'loading' && <p className="muted">{t('common.loading')}</p>}
        {state.kind === 'error' && (
          <p className="error-box" role="alert" data-testid="survey-error">
            {t(ERROR_KEYS[state.code] ?? 'survey.error.network')}
          </p>
        )}
        {state.kind === 'done' && (
          <p className="survey-thanks" role="status" data-testid="survey-done">
            {t(state.outcome === 'already' ? 'survey.already' : state.outcome === 'reopened' ? 'survey.thanksReopened' : 'survey.thanks')}
          </p>
        )}
        {state.kind === 'form' && (
          <form onSubmit={(e) => void submit(e)} noValidate>
            <p className="muted" data-testid="survey-complaint">
              {t('survey.about', { number: state.survey.complaintNumber, subject: state.survey.subject })}
            </p>
            <fieldset className="survey-question">
              <legend>{t('survey.csat')}</legend>
              <div className="survey-stars" role="radiogroup" aria-label={t('survey.csat')}>
                {[1, 2, 3, 4, 5].map((n) => (
                  <button
                    key={n}
                    type="button"
                    role="radio"
                    aria-checked={csat === n}
                    aria-label={t('survey.stars', { n })}
                    className={`survey-star${csat !== null && n <= csat ? ' on' : ''}`}
                    data-testid={`survey-csat-${n}`}
                    onClick={() => setCsat(n)}
                  >
                    ★
                  </button>
                ))}
              </div>
            </fieldset>
            <fieldset className="survey-question">
              <legend>{t('survey.nps')}</legend>
              <div className="survey-nps" role="radiogroup" aria-label={t('survey.nps')}>
                {Array.from({ length: 11 }, (_, n) => (
                  <button
                    key={n}
                    type="button"
                    role="radio"
                    aria-checked={nps === n}
                    className={`survey-nps-option${nps === n ? ' on' : ''}`}
                    data-testid={`survey-nps-${n}`}
                    onClick={() => setNps(nps === n ? null : n)}
                  >
                    {n}
                  </button>
                ))}
              </div>
              <div className="survey-nps-scale muted">
                <span>{t('survey.npsLow')}</span>
                <span>{t('survey.npsHigh')}</span>
              </div>
            </fieldset>
            <label className="field">
              <span>{t('survey.comment')}</span>
              <textarea rows={4} maxLength={2000} value={comment} data-testid="survey-comment" onChange={(e) => setComment(e.target.value)} />
            </label>
            {submitError && (
              <p className="error-box" role="alert">
                {submitError}
              </p>
            )}
            <button type="submit" className="btn btn-primary btn-block" data-testid="survey-submit" disabled={busy || csat === null}>
              {busy ? t('common.saving') : t('survey.submit')}
            </button>
            {csat === null && <p className="muted survey-hint">{t('survey.pickCsat')}</p>}
          </form>
        )}
      </div>
    </div>
  );
}
