/**
 * Debian's Chromium for the browser tests, driven by playwright-core (which never downloads a
 * browser of its own). Suites skip with a clear message where it is not installed, except under
 * CI=true, where they fail; CI installs it.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
// In CI a missing browser is a broken setup, not a reason to skip: the suite fails at once.
if (!hasChromium && process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing, and CI=true does not skip the browser tests (apt-get install chromium)`);
if (!hasChromium) console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium)`);

/** A suite title that says when and why it is skipped. */
export function chromiumSuite(title: string): string {
  return `chromium: ${title}${hasChromium ? '' : ` (skipped: ${CHROMIUM} is missing)`}`;
}

/** Headless, and without the background traffic a machine without a network refuses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
