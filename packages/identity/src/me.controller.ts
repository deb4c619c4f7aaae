import { Body, Controller } from '@nestjs/common';
import { Route, type RouteBody, access, defineRoute } from '@talkoot/platform';
import { type AuthContext, CurrentAuth } from './auth-context.js';
import { meSchema, profileUpdateSchema, userSchema } from './user.schemas.js';
import { UserService } from './user.service.js';
import { z } from 'zod';

export const getMeRoute = defineRoute({
  method: 'GET',
  path: '/api/me',
  summary: 'The signed-in user and their organisations',
  tag: 'Profile',
  access: access.signedIn,
  response: meSchema,
});

export const updateMeRoute = defineRoute({
  method: 'PATCH',
  path: '/api/me',
  summary: 'Change name, phone or preferred language',
  tag: 'Profile',
  access: access.signedIn,
  body: profileUpdateSchema,
  response: z.object({ user: userSchema }),
});

export const deleteMeRoute = defineRoute({
  method: 'DELETE',
  path: '/api/me',
  summary: 'Delete my account, its memberships and sessions',
  tag: 'Profile',
  access: access.signedIn,
  status: 204,
  errors: [422],
});

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
