// Shapes of the admin channel APIs (src/modules/channels: channel-status-routes.ts, webhook-sources.ts,
// inbound-email-routes.ts), as the console reads them.

export interface ServerAddress {
  protocol: string;
  host: string;
  port: number;
  tls: boolean;
  user: string | null;
  /** A fixed mask when set, null when not: the value itself never leaves the server. */
  password: string | null;
}

export interface Deliveries {
  waiting: number;
  retrying: number;
  last24h: { sent: number; failedAttempts: number; dead: number };
  lookbackDays: number;
  lastSentAt: string | null;
  lastFailure: { at: string; final: boolean; error: string | null } | null;
}

interface Setting {
  configured: boolean;
  setting: string;
  /** Present when a URL setting is set: false when it cannot be read (then `problem` says why). */
  valid?: boolean;
  problem?: string;
}

export interface ChannelReport {
  instanceId: string;
  generatedAt: string;
  mailbox: Setting & {
    pollIntervalMs: number;
    maxBytes: number;
    server?: ServerAddress;
    folder?: string;
    polling: boolean;
    lastPollAt: string | null;
    lastSuccessAt: string | null;
    lastTaken: number | null;
    lastError: string | null;
    lastErrorAt: string | null;
  };
  outboundSmtp: Setting & {
    mode: 'smtp' | 'file';
    from: string;
    messageIdDomain: string;
    outboxDir?: string;
    server?: ServerAddress;
    deliveries: Deliveries;
  };
  inboundSmtp: Setting & {
    host: string;
    port: number | null;
    maxBytes: number;
    attachmentMaxBytes: number;
    attachmentMaxCount: number;
    listening: boolean;
    listeningPort: number | null;
  };
  inboundEmails: { byState: Record<InboundState, number>; lastReceivedAt: string | null };
  sms: Setting & {
    adapter: 'http' | 'file';
    logFile?: string;
    providerUrl?: string | null;
    queryHidden?: boolean;
    authorization?: string | null;
    customBodyTemplate?: boolean;
    deliveries: Deliveries;
  };
  webhooks: { total: number; active: number };
}

export const INBOUND_STATES = ['received', 'processed', 'duplicate', 'failed'] as const;
export type InboundState = (typeof INBOUND_STATES)[number];

export interface InboundEmail {
  id: string;
  transport: 'smtp' | 'imap';
  envelopeFrom: string | null;
  envelopeTo: string[];
  remoteAddress: string | null;
  size: number;
  status: InboundState;
  attempts: number;
  error: string | null;
  emailMessageId: string | null;
  complaintId: string | null;
  messageId: string | null;
  receivedAt: string;
  processedAt: string | null;
}

export interface WebhookSource {
  source: string;
  channel: 'webhook' | 'social';
  active: boolean;
  createdAt: string;
  updatedAt: string;
  intakeUrl: string;
}

/** Only the answer to creating (or re-keying) a source carries its secret. */
export interface CreatedWebhookSource extends WebhookSource {
  secret: string;
}
