/** Parameter types of the mailbox method that the shared kit (dispatch/params.ts) has no word for. */
import { invalidParameter } from '../../../wire/errors.js';
import type { ParamType } from '../../../dispatch/params.js';
import { FOLDER_IDS, isFolderId, type FolderId } from '../records.js';

export const folderIdParam: ParamType<FolderId> = {
  description: `one of ${FOLDER_IDS.join(', ')}`,
  clientType: FOLDER_IDS.join(' | '),
  parse(raw, name) {
    const value = /^\d{1,2}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (!isFolderId(value)) throw invalidParameter(name, 'not a folder (0 Inbox, 1 Sent Messages, 4 Updates)');
    return value;
  },
};

export const countParam: ParamType<number> = {
  description: 'int',
  clientType: 'number',
  parse(raw, name) {
    const value = /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (!Number.isSafeInteger(value)) throw invalidParameter(name, 'not a non-negative integer');
    return value;
  },
};
