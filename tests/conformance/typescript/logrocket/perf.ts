// Negative file: performance events.
import LogRocket from "logrocket";

export function slowRender(component: string, ms: number): void {
  LogRocket.track("Slow Render", { component, ms });
}
