import { Invitation } from './invitation.entity.js';
import { Membership } from './membership.entity.js';
import { Organisation } from './organisation.entity.js';
import { Municipality, Region, Village } from './place.entity.js';
import { Session } from './session.entity.js';
import { SignInToken } from './sign-in-token.entity.js';
import { User } from './user.entity.js';

export { Invitation, Membership, Organisation, Municipality, Region, Village, Session, SignInToken, User };

export const identityEntities = [Region, Municipality, Village, Organisation, User, Membership, Invitation, SignInToken, Session];
