/** Profile fields users.getInfo returns beyond names and picture, and when a profile last changed. */
export const sql = `
ALTER TABLE people ADD COLUMN sex TEXT;
ALTER TABLE people ADD COLUMN birthday TEXT;
ALTER TABLE people ADD COLUMN locale TEXT NOT NULL DEFAULT 'en_US';
ALTER TABLE people ADD COLUMN timezone REAL;
ALTER TABLE people ADD COLUMN profile_updated_at INTEGER;
`;
