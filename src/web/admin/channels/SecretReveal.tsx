import { useRef, useState } from 'react';
import { useI18n } from '../../i18n.js';
import type { CreatedWebhookSource } from './channel-types.js';
import { messages as m } from './channels.messages.js';

/**
 * The one time a source's secret is visible: the server stores it for checking signatures but
 * never lists it again. Shown with a copy button and how the partner signs a request
 * (webhook-signature.ts: HMAC-SHA256 over "<timestamp>.<raw body>", 5 minutes of clock skew).
 */
export function SecretReveal({ created, onDismiss }: { created: CreatedWebhookSource; onDismiss: () => void }) {
  useI18n();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const url = `${window.location.origin}${created.intakeUrl}`;

  async function copy() {
    try {
      // Only in a secure context (https, localhost); elsewhere the field is selected for Ctrl+C.
      await navigator.clipboard.writeText(created.secret);
      setCopied('yes');
    } catch {
      inputRef.current?.select();
      setCopied('failed');
    }
  }

  const example = [
    `SECRET='…'  # ${m('wh.example.secret')}`,
    `BODY='{"messageId":"m-1001","customer":{"email":"customer@example.com"},"text":"…"}'`,
    'TS=$(date +%s)',
    `SIG=$(printf '%s.%s' "$TS" "$BODY" | openssl dgst -sha256 -hmac "$SECRET" | sed 's/^.* //')`,
    `curl -X POST '${url}' -H 'Content-Type: application/json' \\`,
    `  -H "X-Loopdesk-Timestamp: $TS" -H "X-Loopdesk-Signature: sha256=$SIG" --data "$BODY"`,
  ].join('\n');

  return (
    <div className="card wh-secret" role="status" data-testid="webhook-secret-panel">
      <h3>{m('wh.secret.title', { source: created.source })}</h3>
      <p className="wh-secret-warn">{m('wh.secret.once')}</p>
      <div className="wh-secret-row">
        <label className="sr-only" htmlFor="wh-secret-value">{m('wh.secret.label')}</label>
        <input
          id="wh-secret-value"
          ref={inputRef}
          className="wh-secret-value"
          readOnly
          value={created.secret}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="webhook-secret"
        />
        <button type="button" className="btn btn-primary" onClick={() => void copy()} data-testid="webhook-secret-copy">{m('wh.secret.copy')}</button>
      </div>
      {copied && <p className={copied === 'yes' ? 'ok' : 'ch-bad'} aria-live="polite">{copied === 'yes' ? m('wh.secret.copied') : m('wh.secret.copyFailed')}</p>}
      <h4>{m('wh.sign.title')}</h4>
      <ol className="wh-sign">
        <li>{m('wh.sign.url')} <code data-testid="webhook-intake-url">{url}</code></li>
        <li>{m('wh.sign.timestamp')} <code>X-Loopdesk-Timestamp: 1767225600</code></li>
        <li>{m('wh.sign.signature')} <code>X-Loopdesk-Signature: sha256=&lt;hex HMAC-SHA256(secret, timestamp + &quot;.&quot; + raw body)&gt;</code></li>
        <li>{m('wh.sign.window')}</li>
        <li>{m('wh.sign.body')}</li>
      </ol>
      <pre className="wh-example" aria-label={m('wh.example.label')}>{example}</pre>
      <button type="button" className="btn" onClick={onDismiss} data-testid="webhook-secret-done">{m('wh.secret.done')}</button>
    </div>
  );
}
