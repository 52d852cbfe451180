'use client';

// In the call: "the others can't hear you yet", while a track the call could
// not publish is published again, and "Try again" if that failed too.
import { ProblemPanel } from './media-problem';
import { useVideoActions, useVideoState } from './video-provider';

export function PublishProblemNotice() {
  const { publishProblem } = useVideoState();
  const { retryPublish } = useVideoActions();
  if (!publishProblem) return null;
  return <ProblemPanel problem={publishProblem} onRetry={() => void retryPublish()} headingLevel={3} />;
}
