/** What a call of a dyvms robot task runs: the task's robot (a dialog script) with the callee's TtsParam variables. */

/** The flow stored with a robot task (campaign_tasks.flow). */
export interface RobotTaskFlow {
  kind: 'robot';
  /** The DialogId of the robot (CreateRobotTask's DialogId). */
  robotId: string;
}
