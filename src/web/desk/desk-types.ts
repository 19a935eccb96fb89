/** A hand-off task as the desk shows it (GET /api/v1/handoffs). No customer contact details: the server never sends them here. */
export interface DeskTask {
  id: string;
  complaintId: string;
  complaintNumber: string;
  complaintSubject: string;
  complaintSeverity: string;
  complaintCategory: string;
  customer: { name: string; tier: string };
  complaintAssignee: { id: string; name: string | null } | null;
  status: 'open' | 'acknowledged' | 'answered' | 'cancelled' | 'passed' | 'returned';
  department: string;
  departmentId: string;
  departmentName: string;
  note: string;
  transfers: number;
  pingPong: boolean;
  requestedBy: { name: string | null } | null;
  requestedAt: string;
  forwardDueAt: string;
  answerDueAt: string;
  dueAt: string | null;
  overdue: boolean;
  passedFrom: { handoffId: string; department: string; departmentName: string | null } | null;
}

export interface DeskDepartment {
  id: string;
  code: string;
  name: string;
  nameZh?: string | null;
}
