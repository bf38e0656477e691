// Negative file: engagement events and a non-personal attribute.
import * as braze from "@braze/web-sdk";

export function articleRead(slug: string, minutes: number): void {
  braze.logCustomEvent("article_read", { slug, minutes });
  braze.getUser().setCustomUserAttribute("favorite_category", "gardening");
}
