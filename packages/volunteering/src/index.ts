export * from './entities.js';
export * from './schemas.js';
export * from './volunteering.module.js';
export * from './volunteering-worker.module.js';
export { VOLUNTEERING_QUEUE } from './volunteering.queues.js';
export { VolunteerSweepService } from './sweep.service.js';
export { ClaimService } from './claim.service.js';
export { builtInTemplates, templateShiftTimes } from './templates.js';
export { volunteerUpdateTemplate, volunteerUpdateKinds, type VolunteerUpdateKind } from './mail/volunteer-update.template.js';
// The claim's statements and its pure parts, for the benchmark's raw server (bench/servers).
export { SHIFT_SQL, TAKEN_PLACES_SQL, EXISTING_CLAIM_SQL } from './shift-lock.js';
export { CLAIM_SELECT, toClaimPerson, toClaimView } from './views.js';
export { volunteerMail } from './mail/volunteer-notifications.js';
export { firstFreePlace, missingRequirements, normaliseEmail } from './claim.rules.js';
