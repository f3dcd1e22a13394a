/**
 * feed.publishUserAction's rules (docs/feed-stories.md, "Publishing a story"): an active bundle of
 * the app (807), targets who are all the actor's friends (366), the first template that fits
 * (367), short and full stories only with publish_stream, at most STORIES_PER_DAY stories per
 * person and app in any 24 hours unless they granted offline_access (341). The story is rendered
 * to safe HTML, recorded, and published to the actor's stream when the stream takes posts.
 */
import type { CallSession } from '../../dispatch/ports.js';
import { ApiError } from '../../wire/errors.js';
import type { Services, Store } from '../feature.js';
import type { ActionLink, FeedStory, StorySize } from './records.js';
import { safeHtml, textOf, type MarkupContext } from './story-markup.js';
import { chooseTemplate, fillActionLink, fillTemplate, type StoryPerson, type TokenFills } from './story-renderer.js';
import { streamPublisher } from './stream-port.js';
import type { TemplateData } from './template-data.js';

/** The documented cap: 10 stories per user per day. */
export const STORIES_PER_DAY = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A stream post made by an application (the type of feed stories). */
export const APP_STORY_POST_TYPE = 237;

export interface StoryRequest {
  readonly appId: number;
  readonly actorUid: number;
  readonly session: CallSession | undefined;
  readonly bundleId: number;
  readonly data: TemplateData;
  readonly targetIds: readonly number[];
  readonly size: StorySize;
  readonly bodyGeneral: string | undefined;
  readonly userMessage: string | undefined;
}

type StoryServices = Pick<Services, 'people' | 'friends' | 'grants'>;

export class FeedStoryService {
  readonly #store: Store;
  readonly #services: StoryServices;

  constructor(store: Store, services: StoryServices) {
    this.#store = store;
    this.#services = services;
  }

  async publish(request: StoryRequest, now = new Date()): Promise<FeedStory> {
    const { appId, actorUid, session } = request;
    const bundle = await this.#store.templateBundles.find(appId, request.bundleId);
    if (!bundle?.active) throw new ApiError(807, `template_bundle_id ${request.bundleId}`);

    const targetIds = [...new Set(request.targetIds)];
    const friends = await this.#services.friends.friendsAmong(actorUid, targetIds);
    const strangers = targetIds.filter((uid) => !friends.has(uid));
    if (strangers.length > 0) throw new ApiError(366, `not friends of the actor: ${strangers.join(', ')}`);

    // Only one-line stories are published for a person who did not grant publish_stream.
    const mayPublishLarger = request.size !== 1 && (await this.#services.grants.hasPermission(actorUid, appId, 'publish_stream', session));
    const chosen = chooseTemplate(bundle.content, mayPublishLarger ? request.size : 1, request.data.values, targetIds.length > 0);
    if (!chosen) throw new ApiError(367);

    const people = new Map((await this.#services.people.findMany([actorUid, ...targetIds])).map((person) => [person.uid, person]));
    const named = (uid: number): StoryPerson => {
      const person = people.get(uid);
      return { uid, name: person ? `${person.firstName} ${person.lastName}` : 'Facebook User' };
    };
    const context: MarkupContext = { appId, actorUid, services: this.#services };
    const safeValues = new Map<string, string>();
    const plainValues = new Map<string, string>();
    for (const [name, value] of request.data.values) {
      const html = await safeHtml(value, context);
      safeValues.set(name, html);
      plainValues.set(name, textOf(html));
    }
    const fills: TokenFills = { actor: named(actorUid), targets: targetIds.map(named), values: safeValues };
    const titleHtml = await safeHtml(fillTemplate(chosen.template.title, fills), context);
    const bodyFbml = fillTemplate(chosen.template.body, fills) + (chosen.size === 2 && request.bodyGeneral ? request.bodyGeneral : '');
    const bodyHtml = await safeHtml(bodyFbml, context);
    const actionLinks = bundle.content.actionLinks
      .map((link) => fillActionLink(link, fills, plainValues))
      .filter((link): link is ActionLink => link !== undefined);

    const offline = await this.#services.grants.hasPermission(actorUid, appId, 'offline_access', session);
    const db = this.#store.database;
    const story = await db.transaction(async (trx) => {
      // Counted and recorded under one lock per person and app, so instances cannot both take the tenth.
      await db.lockPair(trx, actorUid, appId);
      if (!offline && (await this.#store.feedStories.countSince(actorUid, appId, new Date(now.getTime() - DAY_MS), trx)) >= STORIES_PER_DAY) {
        throw new ApiError(341, `${STORIES_PER_DAY} stories in the last 24 hours`);
      }
      return this.#store.feedStories.add(
        {
          appId,
          bundleId: bundle.bundleId,
          actorUid,
          size: chosen.size,
          titleHtml,
          bodyHtml,
          titleText: textOf(titleHtml),
          targetIds,
          userMessage: request.userMessage ?? null,
          createdAt: now,
        },
        trx,
      );
    });

    const stream = streamPublisher(this.#services);
    if (!stream) return story;
    const postRequest = {
      actor: actorUid,
      wall: actorUid,
      appId,
      type: APP_STORY_POST_TYPE,
      message: story.titleText,
      attachment: null,
      actionLinks,
      templateBundleId: bundle.bundleId,
    };
    let post: { readonly postId: string };
    try {
      post = await stream.publish(postRequest, now);
    } catch (error) {
      // A story that did not reach the stream was not published; it must not count against the cap.
      await this.#store.feedStories.remove(story.storyId);
      throw error;
    }
    await this.#store.feedStories.setPostId(story.storyId, post.postId);
    return { ...story, postId: post.postId };
  }

  /** A person's stories, newest first (their profile page, the CLI). */
  storiesOf(actorUid: number, limit = 20): Promise<FeedStory[]> {
    return this.#store.feedStories.ofActor(actorUid, limit);
  }
}
