import { data } from 'react-router';
import type { Viewer } from './api-types';
import { requireViewer, type RequestState } from './session.server';

// The portal hides what a user may not do; the api decides. These checks give a clear 403 page
// instead of a half-working one.
export function requirePlatformAdmin(state: RequestState): Viewer {
  const viewer = requireViewer(state);
  if (!viewer.user.isPlatformAdmin) throw data({ code: 'forbidden' }, { status: 403 });
  return viewer;
}

export function requireOrganisationAdmin(state: RequestState, organisationId: string): Viewer {
  const viewer = requireViewer(state);
  const isAdmin = viewer.memberships.some((m) => m.organisation.id === organisationId && m.role === 'admin');
  if (!viewer.user.isPlatformAdmin && !isAdmin) throw data({ code: 'forbidden' }, { status: 403 });
  return viewer;
}
