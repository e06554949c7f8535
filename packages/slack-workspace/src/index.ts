export { createWorkspace, type SocketModeControl, type Workspace } from './workspace.js';
export type { DisconnectReason, SocketModeOptions } from './socket-mode.js';
export type { EnvelopeType, SocketDelivery } from './socket-delivery.js';
export type { EventDelivery, EventRetryOptions, RetryReason } from './event-retries.js';
export type {
  BotResponse, CallLogEntry, ChangeEvent, MessageMetadata, RateLimits, SeedUser, StoredChannel, StoredEphemeral, StoredFile,
  StoredView, SuggestedOption, WorkspaceOptions,
} from './types.js';
export type { MessageSnapshot, ViewSnapshot } from './readers.js';
export type { ClickActionInput, EventOptions, GlobalShortcutInput, SlashCommandInput } from './interactions.js';
export type { ClickViewActionInput } from './view-actions.js';
export type { BlockSuggestionInput, OptionGroup, SuggestionResult } from './block-suggestion.js';
export type { SubmitViewInput } from './submit-view.js';
export type { HomeActionInput } from './home-tab.js';
export type { MessageShortcutInput, ReactionInput } from './person-actions.js';
export type { SubmittedValue, SubmittedValues } from './view-submission.js';
export { FaultInjector, seededRandom, type FaultKind, type FaultSpec } from './faults.js';
export { signRequest } from './bot-sender.js';
export { validateBlocks } from './block-validation.js';
export { validateView } from './view-validation.js';
export { APP_ID, BOT_ID, BOT_USER_ID, TEAM_ID } from './seed.js';
export { systemClock, type WorkspaceClock } from './clock.js';
export { sandboxWebRoutes, type SpeedControl, type WebRoutesOptions } from './web-routes.js';
export type { AppFace, CommandHint } from './web-state.js';

/** Where the workspace answers Slack's Web API: point a WebClient's `slackApiUrl` at `${base}${WEB_API_PATH}`. */
export const WEB_API_PATH = '/workspace/api/';
