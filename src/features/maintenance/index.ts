/** The maintenance switch: while it is on, every API call answers error 2 (`hearth maintenance on|off`). */
import { defineFeature } from '../feature.js';
import { CachedSettingRepository } from './cached-setting-repository.js';
import { MaintenanceSwitch } from './maintenance-switch.js';
import type { SettingRepository } from './records.js';
import { StoredSettingRepository } from './setting-repository.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly settings: SettingRepository;
  }
  interface Services {
    readonly maintenance: MaintenanceSwitch;
  }
}

export const maintenanceFeature = defineFeature({
  name: 'maintenance',
  repositories: ({ db }) => ({ settings: new CachedSettingRepository(new StoredSettingRepository(db), db.changes) }),
  services: ({ store }) => ({ maintenance: new MaintenanceSwitch(store) }),
});
