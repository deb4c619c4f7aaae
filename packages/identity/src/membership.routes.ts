// Browser-safe: the member and invitation routes, shared by the api's controller and the portal's calls.
import { access, defineRoute } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { sessionSchema } from './auth.schemas.js';
import {
  invitationAcceptSchema,
  invitationCreateSchema,
  invitationPreviewSchema,
  invitationSchema,
  invitationTokenParamsSchema,
} from './invitation.schemas.js';
import { memberParamsSchema, memberSchema, memberUpdateSchema } from './membership.schemas.js';
import { idParamsSchema } from './organisation.schemas.js';

const tag = 'Members and invitations';

export const listMembersRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id/members',
  summary: "An organisation's members and their roles",
  tag,
  access: access.organisationRole('id', ['admin', 'coordinator']),
  params: idParamsSchema,
  response: z.object({ members: z.array(memberSchema) }),
});

export const changeMemberRoleRoute = defineRoute({
  method: 'PATCH',
  path: '/api/organisations/:id/members/:userId',
  summary: "Change a member's role",
  tag,
  access: access.organisationRole('id', ['admin']),
  params: memberParamsSchema,
  body: memberUpdateSchema,
  response: z.object({ member: memberSchema }),
  errors: [422],
});

export const removeMemberRoute = defineRoute({
  method: 'DELETE',
  path: '/api/organisations/:id/members/:userId',
  summary: 'Remove a member',
  tag,
  access: access.organisationRole('id', ['admin']),
  params: memberParamsSchema,
  status: 204,
  errors: [422],
});

export const listInvitationsRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id/invitations',
  summary: 'Pending invitations',
  tag,
  access: access.organisationRole('id', ['admin']),
  params: idParamsSchema,
  response: z.object({ invitations: z.array(invitationSchema) }),
});

export const createInvitationRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/invitations',
  summary: 'Invite a person by email',
  tag,
  access: access.organisationRole('id', ['admin']),
  params: idParamsSchema,
  body: invitationCreateSchema,
  response: z.object({ invitation: invitationSchema }),
  errors: [409],
});

export const revokeInvitationRoute = defineRoute({
  method: 'DELETE',
  path: '/api/organisations/:id/invitations/:invitationId',
  summary: 'Revoke a pending invitation',
  tag,
  access: access.organisationRole('id', ['admin']),
  params: z.object({ id: z.uuid(), invitationId: z.uuid() }),
  status: 204,
});

export const previewInvitationRoute = defineRoute({
  method: 'GET',
  path: '/api/invitations/:token',
  summary: 'What an invitation link offers',
  tag,
  access: access.public,
  params: invitationTokenParamsSchema,
  response: invitationPreviewSchema,
});

export const acceptInvitationRoute = defineRoute({
  method: 'POST',
  path: '/api/invitations/:token/accept',
  summary: 'Accept an invitation; signs the person in (creates the account if new)',
  tag,
  access: access.public,
  params: invitationTokenParamsSchema,
  body: invitationAcceptSchema,
  response: sessionSchema,
  status: 201,
});
