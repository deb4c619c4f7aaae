// PostgreSQL gives up one of two transactions that wait for each other (40P01) or that cannot be
// serialised (40001). Two bookings inserted at once into the same slot do that: each sees the
// other's not-yet-committed row in the exclusion constraint's index and waits for it. Running the
// victim again is correct: it now sees the winner committed (a clean 23P01) or rolled back (free).
const transientCodes = new Set(['40P01', '40001']);

export function isTransientConflict(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    const { code, sqlState } = cause as { code?: unknown; sqlState?: unknown };
    if (transientCodes.has(String(code)) || transientCodes.has(String(sqlState))) return true;
  }
  return false;
}

// Runs a whole transaction again (it must be one: nothing of a failed attempt is kept) when the
// database gave it up as a deadlock victim, a few times with a short random pause.
export async function retryTransientConflicts<T>(transaction: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= attempts || !isTransientConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
