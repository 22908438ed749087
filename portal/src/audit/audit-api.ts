import { apiGet } from '../api/client';

/** One entry as GET /audit answers it (AuditEntryView). */
export interface AuditEntry {
  id: string;
  at: string;
  atLocal: string;
  actor: {
    kind: 'account' | 'token';
    id: string | null;
    name: string;
    recordedName: string;
    role: string;
  };
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuditFilters {
  campaign?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

export function readAudit(filters: AuditFilters, page: number, pageSize: number) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (typeof value === 'string' && value.trim() !== '') query.set(key, value.trim());
  }
  query.set('page', String(page));
  query.set('pageSize', String(pageSize));
  return apiGet<AuditPage>(`/audit?${query.toString()}`);
}
