/** A group as groups.get and the FQL `group` table write it. */
import type { Group } from './records.js';

export function groupTime(group: Group): number {
  return Math.floor(group.updateTime.getTime() / 1000);
}

/** `<group>` in the platform's order. Hearth keeps no group pictures: the three pic fields are empty. */
export function groupValue(group: Group): Record<string, string | number | Record<string, string>> {
  return {
    gid: group.gid,
    name: group.name,
    nid: group.nid,
    description: group.description,
    group_type: group.groupType,
    group_subtype: group.groupSubtype,
    recent_news: group.recentNews,
    pic: '',
    pic_big: '',
    pic_small: '',
    // 0 once the creator's account is gone.
    creator: group.creator ?? 0,
    update_time: groupTime(group),
    office: group.office,
    website: group.website,
    venue: { street: group.venue.street, city: group.venue.city, state: group.venue.state, country: group.venue.country },
    privacy: group.privacy,
  };
}
