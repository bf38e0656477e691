// Negative file: page views and fixed events.
declare function gtag(command: string, ...args: unknown[]): void;

export function pageView(path: string): void {
  gtag("event", "page_view", { page_path: path });
  gtag("event", "select_content", { content_type: "banner", item_id: "spring-sale" });
}
