/** Chinese messages of the recipients table's call links and the page that finds a recipient's call. */
export const recipientsZh = {
  'recipients.col.call': '通话',
  'recipients.openCall': '查看通话',
  'recipients.openCallOf': '查看 {number} 的通话',
  'recipients.cancel': '取消呼叫',
  'recipients.cancelOf': '取消呼叫 {number}',
  'recipients.cancelled': '已取消 {number} 的呼叫。',
  'recipients.cancelRefused': '{number} 无法取消:{reason}',
  'recipients.col.cancel': '取消',
  'byDetail.title': '查找通话',
  'byDetail.looking': '正在查找这条明细的通话…',
  'byDetail.noCall': '这条明细还没有通话记录。',
  'byDetail.notFound': '找不到这条明细:任务或明细 ID 不存在,或属于其他账号。',
  'byDetail.back': '返回任务',
} as const;
