/** Feedback records (góp ý, nhận xét nơi cư trú, tự phê bình trước nhân dân): types, checks, category list, tally. */
export { DEFAULT_FEEDBACK_CATEGORIES } from './categories';
export type { FeedbackCategory, FeedbackCategoryList } from './categories';
export { FEEDBACK_RESPONSE_KINDS, FEEDBACK_SOURCES } from './types';
export type { FeedbackRecord, FeedbackResponse, FeedbackResponseKind, FeedbackSource, RecordTarget } from './types';
export { checkFeedbackRecord, resolveCategories } from './validate';
export { tallyFeedback } from './tally';
export type { CategoryBasis, CategoryCount, FeedbackTally, FeedbackTallyOptions, TargetCount } from './tally';
export { feedbackFromForm } from './from-form';
export type { FeedbackFromFormOptions } from './from-form';
export { percentOf, PERCENT_RULE } from './common';
export type { PercentRule, RecordIssue } from './common';
