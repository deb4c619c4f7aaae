// The volunteering domain's own BullMQ queue (its processor listens on it; nothing central lists it).
export const VOLUNTEERING_QUEUE = 'volunteering';
