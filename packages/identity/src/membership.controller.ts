import { Body, Controller, Param } from '@nestjs/common';
import { Route, type RouteBody, type RouteParams, access, defineRoute } from '@talkoot/platform';
import { z } from 'zod';
import { type AuthContext, CurrentAuth } from './auth-context.js';
import {
  invitationAcceptSchema,
  invitationCreateSchema,
  invitationPreviewSchema,
  invitationSchema,
  invitationTokenParamsSchema,
} from './invitation.schemas.js';
import { InvitationService } from './invitation.service.js';
import { memberParamsSchema, memberSchema, memberUpdateSchema } from './membership.schemas.js';
import { MembershipService } from './membership.service.js';
import { idParamsSchema } from './organisation.schemas.js';
import { sessionSchema } from './auth.schemas.js';
import { toUserView } from './user-view.js';

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

@Controller()
export class MembershipController {
  constructor(
    private readonly memberships: MembershipService,
    private readonly invitations: InvitationService,
  ) {}

  @Route(listMembersRoute)
  listMembers(@Param() params: RouteParams<typeof listMembersRoute>) {
    return this.memberships.listMembers(params.id);
  }

  @Route(changeMemberRoleRoute)
  changeRole(@Param() params: RouteParams<typeof changeMemberRoleRoute>, @Body() body: RouteBody<typeof changeMemberRoleRoute>) {
    return this.memberships.changeRole(params.id, params.userId, body.role);
  }

  @Route(removeMemberRoute)
  async removeMember(@Param() params: RouteParams<typeof removeMemberRoute>) {
    await this.memberships.removeMember(params.id, params.userId);
  }

  @Route(listInvitationsRoute)
  listInvitations(@Param() params: RouteParams<typeof listInvitationsRoute>) {
    return this.invitations.listPending(params.id);
  }

  @Route(createInvitationRoute)
  invite(
    @Param() params: RouteParams<typeof createInvitationRoute>,
    @Body() body: RouteBody<typeof createInvitationRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return this.invitations.invite({ organisationId: params.id, email: body.email, role: body.role, invitedById: auth.user.id });
  }

  @Route(revokeInvitationRoute)
  async revoke(@Param() params: RouteParams<typeof revokeInvitationRoute>) {
    await this.invitations.revoke(params.id, params.invitationId);
  }

  @Route(previewInvitationRoute)
  preview(@Param() params: RouteParams<typeof previewInvitationRoute>) {
    return this.invitations.preview(params.token);
  }

  @Route(acceptInvitationRoute)
  async accept(@Param() params: RouteParams<typeof acceptInvitationRoute>, @Body() body: RouteBody<typeof acceptInvitationRoute>) {
    const session = await this.invitations.accept(params.token, body.name);
    return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: toUserView(session.user) };
  }
}
