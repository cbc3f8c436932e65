/** The envelope and services shared by the thirdswaicall actions. */
import type { RecordingUrls } from '../../../core/recordings/recording-links.js';
import type { CallRecords } from '../../../core/calls/call-records.js';
import type { Clock } from '../../../ports/clock.js';

/** The services thirdswaicall's actions need. */
export interface ThirdswaicallServices {
  calls: CallRecords;
  clock: Clock;
  /** The zone of the `yyyy-MM-dd HH:mm:ss` times in responses. */
  timeZone: string;
  /** Links to calls' recordings (RecordUrl). */
  recordingUrls: RecordingUrls;
}

/** The success envelope of thirdswaicall: `{Success: true, Code: null, Message: "操作成功", Data}`. */
export function succeeded(data: unknown): Record<string, unknown> {
  return { Success: true, Code: null, Message: '操作成功', Data: data };
}
