// Negative file: messenger commands without people.
export function openHelp(article: number): void {
  window.Intercom("showArticle", article);
  window.Intercom("trackEvent", "help-opened", { article });
}
