// The lending domain's own BullMQ queue (its processor listens on it; nothing central lists it).
export const LENDING_QUEUE = 'lending';
