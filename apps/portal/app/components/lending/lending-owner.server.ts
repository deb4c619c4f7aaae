import { data } from 'react-router';
import { requireViewer, type RequestState } from '../../lib/session.server';

// Admins and coordinators of the owner manage its equipment and loans; others get the forbidden
// page. The api decides again on every call: this only spares a round trip and names the owner.
export function requireLendingOwner(state: RequestState, organisationId: string): { organisationName: string } {
  const viewer = requireViewer(state);
  const membership = viewer.memberships.find(
    (m) => m.organisation.id === organisationId && (m.role === 'admin' || m.role === 'coordinator'),
  );
  if (!membership && !viewer.user.isPlatformAdmin) throw data({ code: 'forbidden' }, { status: 403 });
  return { organisationName: membership?.organisation.name ?? '' };
}
