import { Body, Controller, Param } from '@nestjs/common';
import { Route, type RouteBody, type RouteParams } from '@talkoot/platform';
import { type AuthContext, CurrentAuth } from './auth-context.js';
import { InvitationService } from './invitation.service.js';
import {
  acceptInvitationRoute,
  changeMemberRoleRoute,
  createInvitationRoute,
  listInvitationsRoute,
  listMembersRoute,
  previewInvitationRoute,
  removeMemberRoute,
  revokeInvitationRoute,
} from './membership.routes.js';
import { MembershipService } from './membership.service.js';
import { toUserView } from './user-view.js';

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
  async accept(
    @Param() params: RouteParams<typeof acceptInvitationRoute>,
    @Body() body: RouteBody<typeof acceptInvitationRoute>,
  ) {
    const session = await this.invitations.accept(params.token, body.name);
    return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: toUserView(session.user) };
  }
}
