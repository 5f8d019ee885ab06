import type { Role } from '@gfmd/contracts';

/** The staff member behind a request's Bearer token. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}
