/** The numbers of the robot script format: its version, its size limits and the defaults of optional settings. */

/** The script format this code reads; a script states it in `version` so a later format can tell old scripts apart. */
export const ROBOT_SCRIPT_VERSION = 1;

/**
 * Size limits. They keep one script from making a call slow or a store row huge, and keep regular expressions short
 * enough that matching a short utterance stays cheap.
 */
export const ROBOT_SCRIPT_LIMITS = Object.freeze({
  maxNodes: 500,
  maxIdLength: 64,
  maxPromptLength: 1000,
  maxDescriptionLength: 500,
  maxIntents: 50,
  maxKeywords: 100,
  maxKeywordLength: 50,
  maxRegexLength: 200,
  maxDtmfLength: 16,
  maxNameLength: 64,
  maxTagValueLength: 256,
  minTimeoutMs: 500,
  maxTimeoutMs: 60_000,
  maxRetries: 10,
});

/** What an ask node gets when neither it nor the script's `defaults` say otherwise. */
export const ROBOT_SCRIPT_DEFAULTS = Object.freeze({ timeoutMs: 5000, retries: 1 });

/** The node types, in the order the docs list them. */
export const ROBOT_NODE_TYPES = Object.freeze(['say', 'ask', 'hangup', 'transfer'] as const);
