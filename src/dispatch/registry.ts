/**
 * Finds a method by the name a client sent: with or without the `facebook.` prefix and in any
 * letter case (connect-js sends the wiki's capitalised titles, e.g. `Auth.revokeAuthorization`).
 */
import type { AnyMethodDefinition } from './define-method.js';

export class MethodRegistry {
  readonly #byLowerName = new Map<string, AnyMethodDefinition>();

  constructor(readonly definitions: readonly AnyMethodDefinition[]) {
    for (const definition of definitions) {
      const key = definition.name.toLowerCase();
      if (this.#byLowerName.has(key)) throw new Error(`method ${definition.name} is declared twice`);
      this.#byLowerName.set(key, definition);
    }
  }

  lookup(wireName: string): AnyMethodDefinition | undefined {
    const lower = wireName.toLowerCase();
    return this.#byLowerName.get(lower.startsWith('facebook.') ? lower.slice('facebook.'.length) : lower);
  }
}
