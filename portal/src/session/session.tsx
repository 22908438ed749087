import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { ApiRequestError } from '../api/api-error';
import { apiGet, apiPost } from '../api/client';
import { ROLE_NAMES_VI, ROLES, type Role } from '../../../src/domain/words';

/** Who is signed in, as GET /auth/me answers (the fields the portal uses). */
export interface SignedIn {
  name: string;
  role: Role;
  unitCode: string | null;
  agencyCode: string | null;
  account: { fullName: string; email: string } | null;
}

interface Session {
  /** undefined while asking the API; null when nobody is signed in. */
  me: SignedIn | null | undefined;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** The session cookie is HttpOnly: the portal learns who is signed in from GET /auth/me. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<SignedIn | null | undefined>(undefined);
  const refresh = useCallback(async () => {
    try {
      setMe(await apiGet<SignedIn>('/auth/me'));
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 401) setMe(null);
      else throw err;
    }
  }, []);
  useEffect(() => {
    refresh().catch(() => setMe(null));
  }, [refresh]);
  const signIn = useCallback(
    async (email: string, password: string) => {
      await apiPost('/auth/sign-in', { email, password });
      await refresh();
    },
    [refresh],
  );
  const signOut = useCallback(async () => {
    await apiPost('/auth/sign-out', {});
    setMe(null);
  }, []);
  return (
    <SessionContext.Provider value={{ me, signIn, signOut }}>{children}</SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Who manages accounts (the API's AccountsController says the same). */
export const ACCOUNT_MANAGERS: readonly SignedIn['role'][] = ['admin', 'secretariat'];

/** Every role: pages for anyone signed in (Việc của tôi). */
export const ALL_ROLES: readonly SignedIn['role'][] = ROLES;

/** Vietnamese names of the roles (declared once, with the mails'). */
export const ROLE_LABELS = ROLE_NAMES_VI;
