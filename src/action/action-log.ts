import * as core from '@actions/core';
import type { BotLog } from '../bot/runtime/bot-log.js';

/** What the handlers reported while the step ran (the last gate summary is the step's notice). */
export interface LogRecord {
  gate?: string;
  warnings: number;
}

/**
 * The handlers' logger in bot mode: one line per entry in the job log (`message {fields}`),
 * warnings and errors as annotations. Values are masked by the runner (core.setSecret).
 */
export function actionLog(record: LogRecord, bindings: Record<string, unknown> = {}): BotLog {
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') => (fieldsOrMessage: object | string, message?: string) => {
      const fields: Record<string, unknown> =
        typeof fieldsOrMessage === 'string' ? { ...bindings } : { ...bindings, ...fieldsOrMessage };
      const text = typeof fieldsOrMessage === 'string' ? fieldsOrMessage : (message ?? '');
      if (typeof fields.gate === 'string') record.gate = fields.gate;
      const line = `${text} ${describe(fields)}`.trim();
      if (level === 'debug') core.debug(line);
      else if (level === 'info') core.info(line);
      else if (level === 'warn') {
        record.warnings++;
        core.warning(line);
      } else core.error(line);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (more) => actionLog(record, { ...bindings, ...more }),
  };
}

function describe(fields: Record<string, unknown>): string {
  const { err, ...rest } = fields;
  const error = err instanceof Error ? err.message : err === undefined ? undefined : String(err);
  const json = Object.keys(rest).length > 0 ? JSON.stringify(rest) : '';
  return [json, error ? `error: ${error}` : ''].filter(Boolean).join(' ');
}
