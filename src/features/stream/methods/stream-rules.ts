/** What every stream write checks first: that the acting person gave the app `publish_stream` (error 200). */
import { ApiError } from '../../../wire/errors.js';
import type { CallSession, MethodApp } from '../../../dispatch/ports.js';
import type { MethodServices } from '../../../dispatch/define-method.js';

export async function needPublishStream(services: MethodServices, uid: number, app: MethodApp, session: CallSession | undefined): Promise<void> {
  if (!(await services.grants.hasPermission(uid, app.appId, 'publish_stream', session))) {
    throw new ApiError(200, 'Requires extended permission: publish_stream');
  }
}
