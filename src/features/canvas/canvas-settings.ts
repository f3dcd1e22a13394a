/**
 * The operator's canvas settings (docs/canvas.md, "Settings"), kept with the other operator
 * switches so that every instance sees a change at once: how long the proxy waits for an app, and
 * the private networks app servers may be on. `hearth app canvas-settings` shows and sets them.
 */
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';
import type { Store } from '../feature.js';
import { formatNetworks, parseNetworks, type Network } from './callback-address.js';

/** What the platform waited for an app's page in 2008–2009. */
export const DEFAULT_TIMEOUT_MS = 12_000;
/** The largest answer the proxy reads; anything longer is an error page, not a truncated page. */
export const MAX_ANSWER_BYTES = 2 * 1024 * 1024;

const TIMEOUT_SETTING = 'canvas.timeout_ms';
const NETWORKS_SETTING = 'canvas.private_networks';

export interface CanvasSettings {
  readonly timeoutMs: number;
  /** Non-public networks app servers may be on (loopback, private, link-local …); empty: none. */
  readonly privateNetworks: readonly Network[];
}

export interface CanvasSettingChanges {
  readonly timeoutMs?: number;
  /** `[]` allows no private network again. */
  readonly privateNetworks?: string;
}

/** The networks of the stored text, parsed once per text: every canvas request reads them. */
let parsedNetworks: { readonly text: string; readonly networks: readonly Network[] } | undefined;

function networksOf(text: string): readonly Network[] {
  if (parsedNetworks?.text !== text) parsedNetworks = { text, networks: parseNetworks(text) };
  return parsedNetworks.networks;
}

export async function readCanvasSettings(store: Store): Promise<CanvasSettings> {
  const [timeout, networks] = await Promise.all([store.settings.get(TIMEOUT_SETTING), store.settings.get(NETWORKS_SETTING)]);
  return {
    timeoutMs: timeout === undefined ? DEFAULT_TIMEOUT_MS : Number(timeout),
    privateNetworks: networks === undefined ? [] : networksOf(networks),
  };
}

export async function changeCanvasSettings(store: Store, changes: CanvasSettingChanges): Promise<CanvasSettings> {
  if (changes.timeoutMs !== undefined) {
    if (!Number.isInteger(changes.timeoutMs) || changes.timeoutMs < 100 || changes.timeoutMs > 120_000) {
      throw new InvalidInputError('the canvas timeout must be between 0.1 and 120 seconds');
    }
    await store.settings.set(TIMEOUT_SETTING, String(changes.timeoutMs));
  }
  if (changes.privateNetworks !== undefined) {
    let networks: Network[];
    try {
      networks = changes.privateNetworks.trim().toLowerCase() === 'none' ? [] : parseNetworks(changes.privateNetworks);
    } catch (error) {
      throw new InvalidInputError(`private networks: ${(error as Error).message}`);
    }
    await store.settings.set(NETWORKS_SETTING, networks.length === 0 ? undefined : formatNetworks(networks));
  }
  return readCanvasSettings(store);
}
