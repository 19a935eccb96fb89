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
import { noticeRoutes } from '../modules/notify/notice-routes.js';
import { slaRoutes } from '../modules/sla/sla-routes.js';
import { userRoutes } from '../modules/users/user-routes.js';
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
  ...noticeRoutes,
] as AnyRoute[];
