import { data } from 'react-router';
import type { Viewer } from '../../lib/api-types';
import { requireViewer, type RequestState } from '../../lib/session.server';

// Admins and coordinators of the organisation plan its events; others see the forbidden page.
export function requireEventOrganiser(
  state: RequestState,
  organisationId: string,
): { viewer: Viewer; organisationName: string | null } {
  const viewer = requireViewer(state);
  const membership = viewer.memberships.find(
    (m) => m.organisation.id === organisationId && (m.role === 'admin' || m.role === 'coordinator'),
  );
  if (!membership && !viewer.user.isPlatformAdmin) throw data({ code: 'forbidden' }, { status: 403 });
  return { viewer, organisationName: membership?.organisation.name ?? null };
}
