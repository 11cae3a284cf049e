import { WebhookDispatcherJob } from './webhook-dispatcher.job';
import { WebhookOutboxListener } from './webhook-outbox.listener';

export { WebhookDispatcherJob, WebhookOutboxListener };

export const WEBHOOK_PROVIDERS = [WebhookOutboxListener, WebhookDispatcherJob];
