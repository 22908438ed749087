import { apiGet, apiPost, apiSend } from '../api/client';
import type { SignedIn } from '../session/session';

/** An account as GET /accounts lists it (AccountView). */
export interface AccountRow {
  id: string;
  email: string;
  fullName: string;
  role: SignedIn['role'];
  unitCode: string | null;
  agencyCode: string | null;
  passwordSet: boolean;
  disabled: boolean;
  lastSignInAt: string | null;
}

export interface Invitation {
  email: string;
  fullName: string;
  role: SignedIn['role'];
  unitCode?: string;
  agencyCode?: string;
}

export const listAccounts = () => apiGet<AccountRow[]>('/accounts');
export const inviteAccount = (invitation: Invitation) =>
  apiPost<AccountRow>('/accounts', invitation);
export const reinviteAccount = (id: string) =>
  apiPost<AccountRow>(`/accounts/${encodeURIComponent(id)}/invitation`, {});
/** A new role, with the unit or agency it acts for (null where the role has none). */
export interface RoleChange {
  role: SignedIn['role'];
  unitCode: string | null;
  agencyCode: string | null;
}

export const changeAccountRole = (id: string, change: RoleChange) =>
  apiSend<AccountRow>('PATCH', `/accounts/${encodeURIComponent(id)}`, change);
export const setAccountDisabled = (id: string, disabled: boolean) =>
  apiSend<AccountRow>('PATCH', `/accounts/${encodeURIComponent(id)}`, { disabled });
