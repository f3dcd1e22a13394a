/** The domain services, built once over a Store and shared by the API methods, the pages and the CLI. */
import type { Store } from '../store/store.js';
import { AppService } from './app-service.js';
import { GrantService } from './grant-service.js';
import { MaintenanceSwitch } from './maintenance-switch.js';
import { PeopleService } from './people-service.js';
import { ProfileService } from './profile-service.js';

export interface Services {
  readonly apps: AppService;
  readonly people: PeopleService;
  readonly grants: GrantService;
  readonly profiles: ProfileService;
  readonly maintenance: MaintenanceSwitch;
}

export function createServices(store: Store): Services {
  return {
    apps: new AppService(store),
    people: new PeopleService(store),
    grants: new GrantService(store),
    profiles: new ProfileService(store),
    maintenance: new MaintenanceSwitch(store),
  };
}
