import type { recipientsZh } from './recipients.zh';

/** English messages of the recipients table's call links and the page that finds a recipient's call. */
export const recipientsEn: Record<keyof typeof recipientsZh, string> = {
  'recipients.col.call': 'Call',
  'recipients.openCall': 'Open call',
  'recipients.openCallOf': 'Open the call to {number}',
  'recipients.cancel': 'Cancel call',
  'recipients.cancelOf': 'Cancel the call to {number}',
  'recipients.cancelled': 'The call to {number} is cancelled.',
  'recipients.cancelRefused': '{number} cannot be cancelled: {reason}',
  'recipients.col.cancel': 'Cancel',
  'byDetail.title': 'Finding the call',
  'byDetail.looking': 'Looking up this recipient\'s call…',
  'byDetail.noCall': 'This recipient has not been called yet.',
  'byDetail.notFound': 'No such recipient: the task or detail ID does not exist or belongs to another account.',
  'byDetail.back': 'Back to the task',
};
