/** What sign-up and the account pages accept as a name, an address and a password, each problem told in the form's words. */
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';
import { MIN_PASSWORD_LENGTH, normaliseEmail } from '../people/people-service.js';

/** Longer passwords are refused: hashing a megabyte per guess would be a cheap way to load the server. */
export const MAX_PASSWORD_LENGTH = 1024;
const MAX_NAME_LENGTH = 50;

export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH || password.trim() === '') return `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `A password may have at most ${MAX_PASSWORD_LENGTH} characters.`;
  return undefined;
}

/** A first or last name: trimmed, one line, not empty, not too long. */
export function checkName(text: string, which: 'first' | 'last'): { readonly name: string } | { readonly problem: string } {
  const name = text.trim().replace(/\s+/g, ' ');
  if (name === '') return { problem: `Give your ${which} name.` };
  // Control characters and angle brackets have no place in a name shown everywhere.
  if (name.length > MAX_NAME_LENGTH || /[\p{Cc}<>]/u.test(name)) return { problem: `Give your ${which} name in at most ${MAX_NAME_LENGTH} letters.` };
  return { name };
}

/** The address in its stored form, or the form's message. */
export function checkEmail(text: string): { readonly email: string } | { readonly problem: string } {
  try {
    return { email: normaliseEmail(text) };
  } catch (error) {
    if (error instanceof InvalidInputError) return { problem: 'Give an e-mail address such as ada@example.org.' };
    throw error;
  }
}
