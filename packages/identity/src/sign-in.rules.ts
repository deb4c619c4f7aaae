export const signInRules = {
  tokenMinutes: 10,
  maxCodeAttempts: 5,
  // Per address and per IP, over the window.
  windowMinutes: 15,
  // Per address from one IP: a person asking again and again. Per address from anywhere: higher,
  // so that a stranger cannot lock someone out by asking for their links.
  maxRequestsPerAddressAndIp: 5,
  maxRequestsPerAddress: 20,
  maxRequestsPerIp: 30,
  invitationDays: 14,
} as const;

export type RateLimitScope = 'byAddressAndIp' | 'byAddress' | 'byIp';

export function rateLimitsOf(scale = 1): { scope: RateLimitScope; limit: number }[] {
  return [
    { scope: 'byAddressAndIp', limit: signInRules.maxRequestsPerAddressAndIp * scale },
    { scope: 'byAddress', limit: signInRules.maxRequestsPerAddress * scale },
    { scope: 'byIp', limit: signInRules.maxRequestsPerIp * scale },
  ];
}

export function isRateLimited(counts: Record<RateLimitScope, number>, scale = 1): boolean {
  return rateLimitsOf(scale).some(({ scope, limit }) => counts[scope] >= limit);
}

// Seconds until a request made at `madeAt` leaves the window (Retry-After), at least one.
export function retryAfterSeconds(madeAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((madeAt.getTime() + signInRules.windowMinutes * 60_000 - now.getTime()) / 1000));
}
