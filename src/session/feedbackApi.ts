/** The relay's feedback API for components (see server.ts); loaded with the feedback views. */
export { deleteFeedbackSetOnServer, listFeedbackSets, uploadFeedbackSet, type FeedbackData, type FeedbackSetInfo } from '../sync/feedbackApi'
