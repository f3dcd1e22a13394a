/** What the account page suites share: a browser from an address of its own, the mails Hearth wrote, the links in them, a filled-in sign-up. */
import { expect } from 'vitest';
import { Browserless, type PageResponse } from '../support/browserless.js';
import type { TestServer } from '../support/test-server.js';

let addresses = 0;

/** A browser from its own client address (the server trusts 127.0.0.1 as a proxy), so the per-address limits of one test do not reach another. */
export function browserFromOwnAddress(server: TestServer): Browserless {
  addresses++;
  return new Browserless(server.url, { 'x-forwarded-for': `198.51.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}` });
}

let emails = 0;
export function freshEmail(): string {
  return `newcomer${++emails}.${Date.now()}@example.org`;
}

/** The mails written to `address`, oldest first, once the account pages' mails are written. */
export async function mailsTo(server: TestServer, address: string): Promise<Array<{ subject: string; text: string }>> {
  await server.services.accountMails.settled();
  const mails = await server.services.mail.list({ limit: 1000 });
  return mails.filter((mail) => mail.toAddress === address).reverse();
}

/** The one link with a code in a mail's text. */
export function linkIn(text: string): string {
  const links = text.match(/https?:\/\/\S+\?c=[A-Za-z0-9_-]{43}/g) ?? [];
  expect(links, text).toHaveLength(1);
  return links[0]!;
}

export async function lastLinkTo(server: TestServer, address: string): Promise<string> {
  const mails = await mailsTo(server, address);
  expect(mails.length, `mails to ${address}`).toBeGreaterThan(0);
  return linkIn(mails.at(-1)!.text);
}

/** A stamp as if the form had been shown ten seconds ago, long enough for a person. */
export function oldEnoughStamp(server: TestServer): Promise<string> {
  return server.services.signUps.formStamp(new Date(Date.now() - 10_000));
}

export interface SignUpFields {
  readonly firstname?: string;
  readonly lastname?: string;
  readonly reg_email__?: string;
  readonly reg_passwd__?: string;
}

/** Fills in and sends the sign-up form on `form` (a GET of /r.php), as a person who took their time. */
export async function submitSignUp(server: TestServer, browser: Browserless, form: PageResponse, fields: SignUpFields & Record<string, string>): Promise<PageResponse> {
  return browser.submit(form, {
    fields: { firstname: 'Grace', lastname: 'Hopper', reg_passwd__: 'compiler first', form_started: await oldEnoughStamp(server), ...fields },
  });
}
