import type { NoticeChannel } from './notice-kinds.js';

export type ChannelPreference = NoticeChannel | 'none';

/**
 * Which channels carry a customer's notices. An explicit preference wins (falling back to
 * in-app when the contact it needs is missing; 'none' silences everything). Without one,
 * the complaint's own channel decides: a phoned-in complaint is answered by SMS, otherwise
 * email when we have an address, else SMS. In-app always comes along, so the service hall
 * keeps the whole history.
 */
export function chooseChannels(input: {
  preference: ChannelPreference | null;
  complaintChannel: string;
  email: string | null;
  phone: string | null;
}): NoticeChannel[] {
  const { preference, email, phone } = input;
  if (preference === 'none') return [];
  if (preference === 'in_app') return ['in_app'];
  if (preference === 'email') return email ? ['email', 'in_app'] : ['in_app'];
  if (preference === 'sms') return phone ? ['sms', 'in_app'] : ['in_app'];
  if (input.complaintChannel === 'phone' && phone) return ['sms', 'in_app'];
  if (email) return ['email', 'in_app'];
  if (phone) return ['sms', 'in_app'];
  return ['in_app'];
}
