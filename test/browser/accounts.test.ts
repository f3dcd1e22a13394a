/**
 * Accounts in Chromium on both stores: signing up, confirming with the link from the mail and
 * signing in; then "Forgot your password?" from the front page to a new password that signs in.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { browserSuiteOnBothStores, fitsPhone, type BrowserWorld } from '../support/browser-suite.js';
import { MIN_FORM_SECONDS } from '../../src/features/accounts/form-stamp.js';

/** The newest link with a code in a mail to `address`. */
async function linkMailedTo(world: BrowserWorld, address: string): Promise<string> {
  await world.server.services.accountMails.settled();
  const mail = (await world.server.services.mail.list({ limit: 100 })).find((candidate) => candidate.toAddress === address);
  const link = /https?:\/\/\S+\?c=[A-Za-z0-9_-]{43}/.exec(mail?.text ?? '')?.[0];
  expect(link, mail?.text).toBeDefined();
  return link!;
}

async function signInOnFrontPage(page: Page, world: BrowserWorld, email: string, password: string): Promise<void> {
  await page.goto(`${world.server.url}/home.php`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=pass]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('textarea[name=message]');
}

browserSuiteOnBothStores('accounts', (world) => {
  it('signs up, confirms the address with the link from the mail, and signs in', async () => {
    await world.server.services.signUps.setMode('open');
    const email = `katherine.${Date.now()}@example.org`;
    const page = await world.newPage();
    await page.goto(`${world.server.url}/r.php`);
    await fitsPhone(page);
    await page.fill('input[name=firstname]', 'Katherine');
    await page.fill('input[name=lastname]', 'Johnson');
    await page.fill('input[name=reg_email__]', email);
    await page.fill('input[name=reg_passwd__]', 'orbital mechanics');
    expect(await page.isVisible('input[name=website]')).toBe(false);
    // A person takes a few seconds; a form sent back sooner is refused.
    await page.waitForTimeout(MIN_FORM_SECONDS * 1000 + 200);
    await page.click('button:has-text("Sign up")');
    await page.waitForSelector('h1:has-text("Check your e-mail")');

    await page.goto(await linkMailedTo(world, email));
    await page.click(`button:has-text("Confirm ${email}")`);
    await page.waitForSelector('h1:has-text("Welcome to Hearth, Katherine")');
    await page.click('a:has-text("Sign in")');
    await page.fill('input[name=email]', email);
    await page.fill('input[name=pass]', 'orbital mechanics');
    await page.click('button[type=submit]');
    await page.waitForSelector('textarea[name=message]');
  });

  it('sets a new password through "Forgot your password?" and signs in with it', async () => {
    const person = await world.server.createPerson('Dorothy Vaughan');
    const page = await world.newPage();
    await page.goto(`${world.server.url}/home.php`);
    await page.click('a:has-text("Forgot your password?")');
    await page.fill('input[name=email]', person.email);
    await page.click('button:has-text("Send the link")');
    await page.waitForSelector('h1:has-text("Check your e-mail")');

    await page.goto(await linkMailedTo(world, person.email));
    await page.fill('input[name=new_password]', 'fortran by hand');
    await page.fill('input[name=confirm_password]', 'fortran by hand');
    await page.click('button:has-text("Set the new password")');
    await page.waitForSelector('h1:has-text("Your password is changed")');
    await signInOnFrontPage(page, world, person.email, 'fortran by hand');
  });
});
