/**
 * The twelve methods in Hearth's scope (docs/METHODS.md lists them first), in the spec's order.
 * test/unit/registry-consistency.test.ts compares this list with the spec where it is checked out
 * beside the repository.
 */
export const SPEC_METHODS = [
  'auth.createToken',
  'auth.getSession',
  'auth.promoteSession',
  'auth.expireSession',
  'auth.revokeAuthorization',
  'auth.revokeExtendedPermission',
  'users.getLoggedInUser',
  'users.isAppUser',
  'users.hasAppPermission',
  'users.getInfo',
  'profile.setFBML',
  'profile.getFBML',
] as const;

/**
 * Methods outside that scope that Hearth serves all the same: the friends.* calls of the platform's
 * documentation (the Facebook Developer Wiki pages Friends.get, Friends.areFriends and
 * Friends.getAppUsers), which FBML (`fb:if-is-friends-with-viewer`, `fb_sig_friends`) and most apps
 * need, then those of the spec's community methods that Hearth has (friend lists, mutual friends,
 * standard info) and FQL's two methods (docs/FQL.md). The coverage table lists them after the
 * spec's methods.
 */
export const EXTRA_METHODS = [
  'friends.get',
  'friends.areFriends',
  'friends.getAppUsers',
  'friends.getLists',
  'friends.getMutualFriends',
  'users.getStandardInfo',
  'fql.query',
  'fql.multiquery',
  'status.set',
  'status.get',
  'users.setStatus',
  'stream.publish',
  'stream.get',
  'stream.remove',
  'stream.addComment',
  'stream.removeComment',
  'stream.getComments',
  'stream.addLike',
  'stream.removeLike',
  'stream.getFilters',
  'feed.registerTemplateBundle',
  'feed.getRegisteredTemplateBundles',
  'feed.getRegisteredTemplateBundleByID',
  'feed.deactivateTemplateBundleByID',
  'feed.publishUserAction',
  'comments.get',
  'comments.add',
  'comments.remove',
  'notes.create',
  'notes.get',
  'notes.edit',
  'notes.delete',
  'links.post',
  'links.get',
  'photos.createAlbum',
  'photos.getAlbums',
  'photos.upload',
  'photos.get',
  'photos.addTag',
  'photos.getTags',
  'events.create',
  'events.edit',
  'events.cancel',
  'events.get',
  'events.getMembers',
  'events.invite',
  'events.rsvp',
  'groups.get',
  'groups.getMembers',
  'pages.getInfo',
  'pages.isFan',
  'pages.isAdmin',
  'pages.isAppAdded',
  'message.getThreadsInFolder',
  'profile.setInfo',
  'profile.getInfo',
  'profile.setInfoOptions',
  'profile.getInfoOptions',
] as const;
