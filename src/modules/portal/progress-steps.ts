import type { PortalLocale } from './portal-locale.js';

/** Event types that carry a step the customer may see (or the department it happens in). */
export const STEP_EVENT_TYPES = [
  'complaint.created',
  'complaint.routed',
  'complaint.department_changed',
  'complaint.status_changed',
  'handoff.requested',
] as const;

export type StepKind = 'received' | 'handling' | 'handed_off' | 'waiting_for_you' | 'resolved' | 'closed' | 'reopened' | 'cancelled';

export interface StepEvent {
  type: string;
  at: Date;
  data: Record<string, unknown>;
}

export interface DepartmentName {
  name: string;
  nameZh: string | null;
}

export interface CustomerStep {
  kind: StepKind;
  at: string;
  department: string | null;
  label: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

function deptName(code: string | null, names: ReadonlyMap<string, DepartmentName>, locale: PortalLocale): string | null {
  if (!code) return null;
  const d = names.get(code);
  if (!d) return null;
  return locale === 'zh-CN' ? (d.nameZh ?? d.name) : d.name;
}

export function stepLabel(kind: StepKind, dept: string | null, locale: PortalLocale): string {
  const zh = locale === 'zh-CN';
  switch (kind) {
    case 'received': return zh ? '已受理您的投诉' : 'We received your complaint';
    case 'handling': return dept ? (zh ? `${dept}正在处理` : `Being handled by ${dept}`) : (zh ? '正在处理' : 'Being handled');
    case 'handed_off': return dept ? (zh ? `已转交${dept}协助核查` : `Passed to our ${dept} team to look into`) : (zh ? '已转交专业部门协助核查' : 'Passed to a specialist team to look into');
    case 'waiting_for_you': return zh ? '等待您的回复' : 'Waiting for your reply';
    case 'resolved': return zh ? '已解决' : 'Resolved';
    case 'closed': return zh ? '已结案' : 'Closed';
    case 'reopened': return zh ? '已重新处理' : 'Reopened';
    case 'cancelled': return zh ? '已撤销' : 'Withdrawn';
  }
}

const BY_STATUS: Partial<Record<string, StepKind>> = {
  in_progress: 'handling',
  awaiting_customer: 'waiting_for_you',
  resolved: 'resolved',
  closed: 'closed',
  reopened: 'reopened',
  cancelled: 'cancelled',
};

/**
 * The customer's view of the event log: only the steps in front of the line of visibility,
 * in customer words. Who did it, notes, reasons and internal re-routing stay behind it; a
 * hand-off is shown only as "passed to <department>".
 */
export function customerSteps(events: readonly StepEvent[], names: ReadonlyMap<string, DepartmentName>, locale: PortalLocale): CustomerStep[] {
  const steps: CustomerStep[] = [];
  let dept: string | null = null;
  const push = (kind: StepKind, at: Date, code: string | null) => {
    const department = deptName(code, names, locale);
    const last = steps[steps.length - 1];
    if (last && last.kind === kind && last.department === department) return;
    steps.push({ kind, at: at.toISOString(), department, label: stepLabel(kind, department, locale) });
  };
  for (const e of events) {
    switch (e.type) {
      case 'complaint.created':
        push('received', e.at, null);
        break;
      case 'complaint.routed':
        dept = str(e.data.department);
        break;
      case 'complaint.department_changed':
        dept = str(e.data.to);
        break;
      case 'handoff.requested':
        push('handed_off', e.at, str(e.data.department));
        break;
      case 'complaint.status_changed': {
        const kind = BY_STATUS[str(e.data.to) ?? ''];
        if (kind) push(kind, e.at, kind === 'handling' ? dept : null);
        break;
      }
      default:
        break;
    }
  }
  return steps;
}

/** What happens next, in one sentence. */
export function nextStepText(status: string, dept: string | null, locale: PortalLocale): string {
  const zh = locale === 'zh-CN';
  switch (status) {
    case 'new': return zh ? '客服将查看您的投诉并回复您。' : 'Customer service will look at your complaint and reply.';
    case 'in_progress': return dept ? (zh ? `${dept}正在处理，有进展会通知您。` : `${dept} is working on it; we will tell you when there is news.`) : (zh ? '我们正在处理，有进展会通知您。' : 'We are working on it and will tell you when there is news.');
    case 'awaiting_department': return zh ? '专业部门核查后，客服会给您答复。' : 'Once the specialist team has checked, customer service will get back to you.';
    case 'awaiting_customer': return zh ? '我们需要您的补充信息，请在下方回复。' : 'We need a few details from you — please reply below.';
    case 'resolved': return zh ? '请确认问题是否已解决；如未解决，可以告诉我们。' : 'Please confirm the problem is solved, or tell us if it is not.';
    case 'reopened': return zh ? '我们正在重新处理您的问题。' : 'We are handling your complaint again.';
    case 'closed': return zh ? '本投诉已结案，感谢您的反馈。' : 'This complaint is closed. Thank you for telling us.';
    case 'cancelled': return zh ? '本投诉已撤销。' : 'This complaint was withdrawn.';
    default: return '';
  }
}
