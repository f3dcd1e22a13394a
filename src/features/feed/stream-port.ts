/**
 * What the feed and comment boxes ask of the stream feature: publishing a post. The stream's
 * service offers it as `services.stream.publish`; until that service exists the port is absent
 * and stories stay in the feed's own table (docs/feed-stories.md, "Stories and the stream").
 */
import type { ActionLink } from './records.js';

export interface StreamPostRequest {
  readonly actor: number;
  readonly wall: number;
  readonly appId: number;
  /** 237: an application story. */
  readonly type: number;
  readonly message: string;
  readonly attachment: Readonly<Record<string, unknown>> | null;
  readonly actionLinks: readonly ActionLink[];
  readonly templateBundleId?: number;
}

export interface StreamPublisher {
  publish(request: StreamPostRequest, now: Date): Promise<{ readonly postId: string; readonly storyId: number }>;
}

/** The stream's publisher among the services, if the stream feature provides one. */
export function streamPublisher(services: object): StreamPublisher | undefined {
  const stream = (services as { readonly stream?: Partial<StreamPublisher> }).stream;
  return typeof stream?.publish === 'function' ? (stream as StreamPublisher) : undefined;
}
