export * from './entities.js';
export * from './schemas.js';
export * from './volunteering.module.js';
export * from './volunteering-worker.module.js';
export { VOLUNTEERING_QUEUE } from './volunteering.queues.js';
export { VolunteerSweepService } from './sweep.service.js';
export { ClaimService } from './claim.service.js';
export { builtInTemplates, templateShiftTimes } from './templates.js';
export { volunteerUpdateTemplate, volunteerUpdateKinds, type VolunteerUpdateKind } from './mail/volunteer-update.template.js';
