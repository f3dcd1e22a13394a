/** The groups feature's pages: a group (group.php), the signed-in person's groups (groups.php), making one (creategroup.php). */
import { createGroupPage } from './create-group-page.js';
import { groupPage } from './group-page.js';
import { groupsListPage } from './groups-page.js';

export const groupPages = [groupPage, groupsListPage, createGroupPage];
