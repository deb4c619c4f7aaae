export const signInRules = {
  tokenMinutes: 10,
  maxCodeAttempts: 5,
  // Per address and per IP, over the window.
  windowMinutes: 15,
  maxRequestsPerAddress: 5,
  maxRequestsPerIp: 30,
  invitationDays: 14,
} as const;

export function isRateLimited(counts: { byAddress: number; byIp: number }): boolean {
  return counts.byAddress >= signInRules.maxRequestsPerAddress || counts.byIp >= signInRules.maxRequestsPerIp;
}
