// Negative file: feature events without people.
import * as FullStory from "@fullstory/browser";

export function featureUsed(feature: string, count: number): void {
  FullStory.event("Feature Used", { feature, count });
}
