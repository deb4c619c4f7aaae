// The venues domain's own BullMQ queue (its processor listens on it; nothing central lists it).
export const VENUES_QUEUE = 'venues';
