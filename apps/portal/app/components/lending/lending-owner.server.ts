import { data } from 'react-router';
import { requireViewer, type RequestState } from '../../lib/session.server';
import { canManageItemsOf } from './lending-api.server';

// Admins and coordinators of the owner manage its equipment and loans; others get the forbidden
// page. The api decides again on every call: this only spares a round trip and names the owner.
export function requireLendingOwner(state: RequestState, organisationId: string): { organisationName: string } {
  const viewer = requireViewer(state);
  if (!canManageItemsOf(state, organisationId)) throw data({ code: 'forbidden' }, { status: 403 });
  const membership = viewer.memberships.find((m) => m.organisation.id === organisationId);
  return { organisationName: membership?.organisation.name ?? '' };
}
