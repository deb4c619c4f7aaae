import { VolunteerClaim, VolunteerReminder, VolunteerSwap, VolunteerToken } from './claim.entity.js';
import { VolunteerFeed, VolunteerHours } from './hours.entity.js';
import { VolunteerShift, VolunteerTask, VolunteerTemplate } from './task.entity.js';

export {
  VolunteerClaim,
  VolunteerFeed,
  VolunteerHours,
  VolunteerReminder,
  VolunteerShift,
  VolunteerSwap,
  VolunteerTask,
  VolunteerTemplate,
  VolunteerToken,
};

export const volunteeringEntities = [
  VolunteerTask,
  VolunteerShift,
  VolunteerTemplate,
  VolunteerClaim,
  VolunteerToken,
  VolunteerReminder,
  VolunteerSwap,
  VolunteerHours,
  VolunteerFeed,
];
