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

export function isRateLimited(counts: { byAddressAndIp: number; byAddress: number; byIp: number }, scale = 1): boolean {
  return (
    counts.byAddressAndIp >= signInRules.maxRequestsPerAddressAndIp * scale ||
    counts.byAddress >= signInRules.maxRequestsPerAddress * scale ||
    counts.byIp >= signInRules.maxRequestsPerIp * scale
  );
}
