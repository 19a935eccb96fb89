import { ErrorBox } from '../../ErrorBox.js';
import { formatDateTime, formatDuration } from '../../format.js';
import { useI18n } from '../../i18n.js';
import type { ChannelReport, Deliveries, ServerAddress } from './channel-types.js';
import { messages as m } from './channels.messages.js';
import { Row, StatusCard, type Health } from './StatusCard.js';
import { formatBytes, hostPort } from './units.js';

type Report = ChannelReport;

/** Server, TLS, user and whether a password is set (the API sends a mask, never the password). */
function ServerRows({ server, id }: { server: ServerAddress; id: string }) {
  return (
    <>
      <Row label={m('ch.server')} mono testId={`channel-${id}-server`}>
        {server.protocol}://{hostPort(server)} {server.tls ? m('ch.tls') : ''}
      </Row>
      <Row label={m('ch.user')} mono testId={`channel-${id}-user`}>{server.user ?? m('ch.none')}</Row>
      <Row label={m('ch.password')} testId={`channel-${id}-password`}>
        {server.password ? <span className="ch-mono">{server.password}</span> : m('ch.notSet')}
      </Row>
    </>
  );
}

/** An env setting that is set but unreadable: the server says why, without echoing it. */
function Invalid({ setting, problem }: { setting: string; problem?: string }) {
  return <Row label={m('ch.problem')}><span className="ch-bad">{m('ch.invalidSetting', { setting, problem: problem ?? '' })}</span></Row>;
}

function DeliveryRows({ d, id }: { d: Deliveries; id: string }) {
  return (
    <>
      <Row label={m('ch.queue')} testId={`channel-${id}-queue`}>{m('ch.queueValue', { waiting: d.waiting, retrying: d.retrying })}</Row>
      <Row label={m('ch.last24h')} testId={`channel-${id}-24h`}>
        {m('ch.last24hValue', { sent: d.last24h.sent, failed: d.last24h.failedAttempts, dead: d.last24h.dead })}
      </Row>
      <Row label={m('ch.lastSent')}>{d.lastSentAt ? formatDateTime(d.lastSentAt) : m('ch.noneInDays', { days: d.lookbackDays })}</Row>
      {d.lastFailure && (
        <Row label={d.lastFailure.final ? m('ch.lastGaveUp') : m('ch.lastFailure')} testId={`channel-${id}-failure`}>
          <span className="ch-when">{formatDateTime(d.lastFailure.at)}</span> <span className="ch-error">{d.lastFailure.error ?? ''}</span>
        </Row>
      )}
    </>
  );
}

/** Failing when the newest failure is newer than the newest success. */
function deliveryHealth(d: Deliveries): Health {
  if (!d.lastFailure) return 'ok';
  if (!d.lastSentAt || d.lastFailure.at > d.lastSentAt) return d.lastFailure.final ? 'bad' : 'warn';
  return 'ok';
}

function Mailbox({ r }: { r: Report['mailbox'] }) {
  const failing = r.lastErrorAt !== null && (r.lastSuccessAt === null || r.lastErrorAt > r.lastSuccessAt);
  const [health, state]: [Health, string] = !r.configured ? ['off', m('ch.state.off')]
    : r.valid === false ? ['bad', m('ch.state.invalid')]
      : failing ? ['bad', m('ch.state.failing')]
        : r.lastSuccessAt ? ['ok', m('ch.state.working')] : ['warn', m('ch.state.waiting')];
  return (
    <StatusCard id="mailbox" title={m('ch.mailbox')} health={health} state={state}>
      {!r.configured && <Row label={m('ch.setup')}>{m('ch.mailbox.unset')}</Row>}
      {r.valid === false && <Invalid setting={r.setting} problem={r.problem} />}
      {r.server && <ServerRows server={r.server} id="mailbox" />}
      {r.folder && <Row label={m('ch.folder')} mono>{r.folder}</Row>}
      {r.configured && (
        <>
          <Row label={m('ch.pollEvery')}>{formatDuration(r.pollIntervalMs)}</Row>
          <Row label={m('ch.lastPoll')} testId="channel-mailbox-last-poll">{r.lastPollAt ? formatDateTime(r.lastPollAt) : m('ch.notYet')}</Row>
          {r.lastSuccessAt && (
            <Row label={m('ch.lastSuccess')}>{m('ch.lastSuccessValue', { at: formatDateTime(r.lastSuccessAt), n: r.lastTaken ?? 0 })}</Row>
          )}
          {r.lastError && (
            <Row label={m('ch.lastError')} testId="channel-mailbox-error">
              <span className="ch-when">{formatDateTime(r.lastErrorAt)}</span> <span className="ch-error">{r.lastError}</span>
            </Row>
          )}
        </>
      )}
      <Row label={m('ch.maxSize')}>{formatBytes(r.maxBytes)}</Row>
    </StatusCard>
  );
}

function OutboundSmtp({ r }: { r: Report['outboundSmtp'] }) {
  const [health, state]: [Health, string] = !r.configured ? ['off', m('ch.state.file')]
    : r.valid === false ? ['bad', m('ch.state.invalid')]
      : deliveryHealth(r.deliveries) === 'ok' ? ['ok', m('ch.state.configured')]
        : [deliveryHealth(r.deliveries), m('ch.state.failing')];
  return (
    <StatusCard id="smtp" title={m('ch.smtp')} health={health} state={state}>
      {!r.configured && <Row label={m('ch.setup')}>{m('ch.smtp.unset')}</Row>}
      {r.outboxDir && <Row label={m('ch.outbox')} mono>{r.outboxDir}</Row>}
      {r.valid === false && <Invalid setting={r.setting} problem={r.problem} />}
      {r.server && <ServerRows server={r.server} id="smtp" />}
      <Row label={m('ch.from')} mono>{r.from}</Row>
      <Row label={m('ch.domain')} mono>{r.messageIdDomain}</Row>
      <DeliveryRows d={r.deliveries} id="smtp" />
    </StatusCard>
  );
}

function InboundSmtp({ r, counts }: { r: Report['inboundSmtp']; counts: Report['inboundEmails'] }) {
  const [health, state]: [Health, string] = !r.configured ? ['off', m('ch.state.off')]
    : r.listening ? ['ok', m('ch.state.listening')] : ['bad', m('ch.state.notListening')];
  return (
    <StatusCard id="listener" title={m('ch.listener')} health={health} state={state}>
      {!r.configured && <Row label={m('ch.setup')}>{m('ch.listener.unset')}</Row>}
      {r.configured && (
        <Row label={m('ch.address')} mono testId="channel-listener-port">
          {hostPort({ host: r.host, port: r.listeningPort ?? r.port })}
        </Row>
      )}
      <Row label={m('ch.maxSize')}>{formatBytes(r.maxBytes)}</Row>
      <Row label={m('ch.attachments')}>{m('ch.attachmentsValue', { n: r.attachmentMaxCount, size: formatBytes(r.attachmentMaxBytes) })}</Row>
      <Row label={m('ch.lastReceived')}>{counts.lastReceivedAt ? formatDateTime(counts.lastReceivedAt) : m('ch.notYet')}</Row>
    </StatusCard>
  );
}

function Sms({ r }: { r: Report['sms'] }) {
  const [health, state]: [Health, string] = !r.configured ? ['off', m('ch.state.file')]
    : deliveryHealth(r.deliveries) === 'ok' ? ['ok', m('ch.state.configured')] : [deliveryHealth(r.deliveries), m('ch.state.failing')];
  return (
    <StatusCard id="sms" title={m('ch.sms')} health={health} state={state}>
      <Row label={m('ch.adapter')} testId="channel-sms-adapter">{r.adapter === 'http' ? m('ch.adapter.http') : m('ch.adapter.file')}</Row>
      {!r.configured && <Row label={m('ch.setup')}>{m('ch.sms.unset')}</Row>}
      {r.logFile && <Row label={m('ch.logFile')} mono>{r.logFile}</Row>}
      {r.adapter === 'http' && (
        <>
          <Row label={m('ch.provider')} mono>
            {r.providerUrl ?? m('ch.none')}{r.queryHidden ? ` ${m('ch.queryHidden')}` : ''}
          </Row>
          <Row label={m('ch.authorization')} testId="channel-sms-auth">
            {r.authorization ? <span className="ch-mono">{r.authorization}</span> : m('ch.notSet')}
          </Row>
          <Row label={m('ch.template')}>{r.customBodyTemplate ? m('ch.template.custom') : m('ch.template.default')}</Row>
        </>
      )}
      <DeliveryRows d={r.deliveries} id="sms" />
    </StatusCard>
  );
}

/** Settings and health of the mail and SMS channels, as read from the environment by the answering instance. */
export function ChannelStatus({ data, error, reload }: { data: ChannelReport | null; error: unknown; reload: () => void }) {
  useI18n();
  return (
    <section className="ch-section" aria-labelledby="ch-status-title">
      <div className="ch-section-head">
        <h2 id="ch-status-title">{m('ch.statusTitle')}</h2>
        <button type="button" className="btn btn-small" onClick={reload} data-testid="channels-refresh">{m('ch.refresh')}</button>
      </div>
      <p className="hint">{m('ch.envNote')}</p>
      <ErrorBox error={error} onRetry={reload} />
      {!data && !error && <p className="empty">{m('ch.loading')}</p>}
      {data && (
        <>
          <div className="ch-grid" data-testid="channel-status">
            <Mailbox r={data.mailbox} />
            <OutboundSmtp r={data.outboundSmtp} />
            <InboundSmtp r={data.inboundSmtp} counts={data.inboundEmails} />
            <Sms r={data.sms} />
          </div>
          <p className="hint ch-instance">{m('ch.instance', { id: data.instanceId.slice(0, 8), at: formatDateTime(data.generatedAt) })}</p>
        </>
      )}
    </section>
  );
}
