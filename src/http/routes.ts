import { approvalRoutes } from '../modules/approvals/approval-routes.js';
import { authRoutes } from '../modules/auth/auth-routes.js';
import { complaintRoutes } from '../modules/complaints/complaint-routes.js';
import { customerRoutes } from '../modules/customers/customer-routes.js';
import { departmentRoutes } from '../modules/departments/department-routes.js';
import { handoffRoutes } from '../modules/handoffs/handoff-routes.js';
import { orderRoutes } from '../modules/orders/order-routes.js';
import { repeatRoutes } from '../modules/repeats/repeat-routes.js';
import { classifyRoutes } from '../modules/triage/classify-routes.js';
import { notificationRoutes } from '../modules/escalation/notification-routes.js';
import { routingRoutes } from '../modules/routing/routing-routes.js';
import { noticeRoutes } from '../modules/notify/notice-routes.js';
import { templatePreviewRoutes } from '../modules/notify/template-preview-routes.js';
import { slaRoutes } from '../modules/sla/sla-routes.js';
import { userRoutes } from '../modules/users/user-routes.js';
import { workspaceRoutes } from '../modules/workspace/routes.js';
import { surveyRoutes } from '../modules/surveys/survey-routes.js';
import { categoryRoutes } from '../modules/taxonomy/category-routes.js';
import { trainingRoutes } from '../modules/training/training-routes.js';
import { attachmentRoutes } from '../modules/attachments/attachment-routes.js';
import { portalAuthRoutes } from '../modules/portal/auth/portal-auth-routes.js';
import { portalRoutes } from '../modules/portal/portal-routes.js';
import { attachmentRoutes as channelAttachmentRoutes } from '../modules/channels/attachments/attachment-routes.js';
import { inboundEmailRoutes } from '../modules/channels/email/inbound-email-routes.js';
import { callRoutes } from '../modules/channels/phone/call-routes.js';
import { webhookIntakeRoutes } from '../modules/channels/webhook/webhook-routes.js';
import { webhookSourceRoutes } from '../modules/channels/webhook/webhook-sources.js';
import { channelStatusRoutes } from '../modules/channels/channel-status-routes.js';
import { kbRoutes } from '../modules/kb/kb-routes.js';
import { chatRoutes } from '../modules/chat/chat-routes.js';
import type { AnyRoute } from './define-route.js';

/** Every API route, in the order the OpenAPI document lists them. */
export const allRoutes: AnyRoute[] = [
  ...authRoutes,
  ...complaintRoutes,
  ...customerRoutes,
  ...orderRoutes,
  ...departmentRoutes,
  ...userRoutes,
  ...slaRoutes,
  ...approvalRoutes,
  ...handoffRoutes,
  ...repeatRoutes,
  ...classifyRoutes,
  ...notificationRoutes,
  ...workspaceRoutes,
  ...surveyRoutes,
  ...trainingRoutes,
  ...categoryRoutes,
  ...routingRoutes,
  ...portalAuthRoutes,
  ...portalRoutes,
  ...attachmentRoutes,
  ...callRoutes,
  ...channelAttachmentRoutes,
  ...webhookIntakeRoutes,
  ...webhookSourceRoutes,
  ...inboundEmailRoutes,
  ...channelStatusRoutes,
  ...kbRoutes,
  ...chatRoutes,
  ...noticeRoutes,
  ...templatePreviewRoutes,
] as AnyRoute[];
