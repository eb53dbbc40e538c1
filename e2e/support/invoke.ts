import type { Page } from '@playwright/test';
import type { RunningApp } from './lectern-app.js';

/** A command called the way the page calls it: the page's session cookie, and our own Origin (the CSRF check). */
export async function invokeAs<T>(page: Page, app: RunningApp, command: string, payload: object = {}): Promise<T> {
  const response = await page.request.post(`${app.origin}/api/invoke/${command}`, { headers: { Origin: app.origin }, data: payload });
  const body = (await response.json()) as { result?: T; error?: { code: string } };
  if (!body.result) throw new Error(`${command} failed: ${JSON.stringify(body.error)}`);
  return body.result;
}
