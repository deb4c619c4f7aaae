import { Body, Controller } from '@nestjs/common';
import { Route, type RouteBody } from '@talkoot/platform';
import { type AuthContext, CurrentAuth } from './auth-context.js';
import { deleteMeRoute, getMeRoute, updateMeRoute } from './me.routes.js';
import { UserService } from './user.service.js';

@Controller()
export class MeController {
  constructor(private readonly users: UserService) {}

  @Route(getMeRoute)
  getMe(@CurrentAuth() auth: AuthContext) {
    return this.users.describeMe(auth.user.id);
  }

  @Route(updateMeRoute)
  updateMe(@CurrentAuth() auth: AuthContext, @Body() body: RouteBody<typeof updateMeRoute>) {
    return this.users.updateProfile(auth.user.id, body);
  }

  @Route(deleteMeRoute)
  async deleteMe(@CurrentAuth() auth: AuthContext) {
    await this.users.deleteAccount(auth.user.id);
  }
}
