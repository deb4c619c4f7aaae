import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { type AppConfig, parseConfig } from '@talkoot/platform';

export function testConfig(env: Record<string, string | undefined>): AppConfig {
  return parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: path.join(os.tmpdir(), `talkoot-test-data-${randomBytes(4).toString('hex')}`),
    OUTBOX_POLL_MS: '100',
    ...env,
  });
}

export async function waitFor<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
