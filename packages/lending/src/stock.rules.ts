// Pure: which loans a shrunken stock can no longer carry. First come keeps its units.

export interface Holding {
  id: string;
  startsAt: Date;
  endsAt: Date;
  units: number;
}

// The most units the holdings use at any instant of [startsAt, endsAt).
export function peakOf(holdings: readonly Holding[], startsAt: Date, endsAt: Date): number {
  const points = [startsAt, ...holdings.map((h) => h.startsAt).filter((at) => at > startsAt && at < endsAt)];
  let peak = 0;
  for (const at of points) {
    let used = 0;
    for (const h of holdings) if (h.startsAt <= at && h.endsAt > at) used += h.units;
    peak = Math.max(peak, used);
  }
  return peak;
}

// Units out of service are gone whatever was promised; the loans are kept in the order they were
// asked for, and each that no longer fits beside the earlier ones is named (to flag, not to drop).
export function loansBeyondStock(quantity: number, outOfService: readonly Holding[], loansInOrder: readonly Holding[]): string[] {
  const kept: Holding[] = [...outOfService];
  const beyond: string[] = [];
  for (const loan of loansInOrder) {
    if (peakOf(kept, loan.startsAt, loan.endsAt) + loan.units > quantity) beyond.push(loan.id);
    else kept.push(loan);
  }
  return beyond;
}
