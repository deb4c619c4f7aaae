import type { Role } from './membership.schemas.js';

// An organisation must always keep at least one admin, or nobody can manage it any more.
export function wouldLeaveNoAdmin(input: { currentRole: Role; newRole: Role | null; adminCount: number }): boolean {
  return input.currentRole === 'admin' && input.newRole !== 'admin' && input.adminCount <= 1;
}
