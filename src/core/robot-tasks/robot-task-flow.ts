/** What a call of a dyvms robot task runs: the task's robot (a dialog script) with the callee's TtsParam variables. */

/** The flow stored with a robot task (campaign_tasks.flow). */
export interface RobotTaskFlow {
  kind: 'robot';
  /** The DialogId of the robot (CreateRobotTask's DialogId). */
  robotId: string;
}

/** The tag a call handed to a person carries, valued with the number (shown as transferNumber, not as a label). */
export const ROBOT_TRANSFER_TAG = 'transfer_number';

/** The tag saying why a call could not run the script as written (the same name the agent flows use). */
export const ROBOT_WARNING_TAG = 'flow_warning';
