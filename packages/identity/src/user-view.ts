import type { UserView } from './user.schemas.js';
import type { User } from './user.entity.js';

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    phone: user.phone,
    language: user.language,
    isPlatformAdmin: user.isPlatformAdmin,
  };
}
