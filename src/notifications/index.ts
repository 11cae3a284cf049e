import { NotificationStepListener } from './notification-step.listener';
import { NotificationsService } from './notifications.service';
import { OverdueRemindersJob } from './overdue-reminders.job';

export { NotificationsController } from './notifications.controller';
export { NotificationStepListener, NotificationsService, OverdueRemindersJob };

export const NOTIFICATION_PROVIDERS = [NotificationsService, NotificationStepListener, OverdueRemindersJob];
