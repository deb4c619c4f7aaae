import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import type { AppConfig } from '@talkoot/platform';

const levels: Record<Exclude<AppConfig['LOG_LEVEL'], 'silent'>, LogLevel[]> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

// One JSON object per line, for the log collector.
export function createWorkerLogger(config: AppConfig): ConsoleLogger | undefined {
  if (config.LOG_LEVEL === 'silent') return undefined;
  return new ConsoleLogger('Worker', { json: true, colors: false, logLevels: levels[config.LOG_LEVEL] });
}
