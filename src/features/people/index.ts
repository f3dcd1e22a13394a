/** People: accounts and profiles (users.getInfo, users.getStandardInfo, the profile page and its editor), and the password hashing behind sign-in. */
import { defineFeature } from '../feature.js';
import { getInfo } from './methods/get-info.js';
import { getStandardInfo } from './methods/get-standard-info.js';
import { editProfilePage } from './pages/edit-profile-page.js';
import { profilePage } from './pages/profile-page.js';
import { PasswordHasher } from './password-hashing.js';
import { PeopleService } from './people-service.js';
import { profileTable, standardUserInfoTable, userTable } from './fql-tables.js';
import { fullNameIndexMigration } from './migrations/010-full-name-index.js';
import { StoredPersonRepository } from './person-repository.js';
import type { PersonRepository } from './records.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly people: PersonRepository;
  }
  interface Services {
    readonly people: PeopleService;
    readonly passwords: PasswordHasher;
  }
}

export const peopleFeature = defineFeature({
  name: 'people',
  migrations: [fullNameIndexMigration],
  repositories: ({ db }) => ({ people: new StoredPersonRepository(db) }),
  services: ({ store, options }) => {
    const passwords = new PasswordHasher({ cost: options.passwordCost });
    return { passwords, people: new PeopleService(store, passwords) };
  },
  methods: [getInfo, getStandardInfo],
  fqlTables: [userTable, profileTable, standardUserInfoTable],
  pages: [editProfilePage, profilePage],
});
