// The events domain's own BullMQ queues (its processors listen on them; nothing central lists them).
export const FEEDS_QUEUE = 'feeds';
export const DIGESTS_QUEUE = 'digests';
