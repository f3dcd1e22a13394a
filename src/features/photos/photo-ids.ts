/**
 * aid and pid: `owner uid × 2^32 + local number`, as the platform's were (an album's local number is
 * the `aid=` of its page), written as decimal strings — they pass 2^53, so they are computed with
 * BigInt and never held as a JavaScript number.
 */

const SHIFT = 32n;
const LOCAL_MASK = (1n << SHIFT) - 1n;

export function wireId(owner: number, local: number): string {
  return ((BigInt(owner) << SHIFT) + BigInt(local)).toString();
}

/** The owner and local number of an aid or pid; undefined for anything that is not one. */
export function parseWireId(text: string): { readonly owner: number; readonly local: number } | undefined {
  if (!/^[1-9]\d{0,19}$/.test(text)) return undefined;
  const value = BigInt(text);
  const owner = value >> SHIFT;
  const local = value & LOCAL_MASK;
  if (owner === 0n || local === 0n || owner > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return { owner: Number(owner), local: Number(local) };
}
