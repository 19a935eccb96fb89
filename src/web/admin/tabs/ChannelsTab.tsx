import { useI18n } from '../../i18n.js';
import { useApiData } from '../../useApiData.js';
import type { ChannelReport } from '../channels/channel-types.js';
import { ChannelStatus } from '../channels/ChannelStatus.js';
import { InboundEmails } from '../channels/InboundEmails.js';
import { WebhookSources } from '../channels/WebhookSources.js';
import '../channels/channels.css';

/**
 * Channels: how mail and SMS are set up and doing (from the environment, read-only here), the
 * webhook sources admins manage, and the inbound mail with its dead letters.
 */
export function ChannelsTab() {
  useI18n();
  const report = useApiData<ChannelReport>('/api/v1/admin/channels');
  return (
    <div className="channels" data-testid="channels-tab">
      <ChannelStatus data={report.data} error={report.error} reload={report.reload} />
      <WebhookSources onChange={report.reload} />
      <InboundEmails counts={report.data?.inboundEmails.byState ?? null} onChange={report.reload} />
    </div>
  );
}
