import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Fails the test with the list of WCAG 2.1 A/AA violations on the page, if any. */
export async function expectNoAxeViolations(page: Page) {
  // Next streams metadata: right after a server action re-renders the page, <title> is
  // briefly absent until the new one arrives. A page that never gets one still fails here.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 5).join(", ")}`,
  );
  expect(summary).toEqual([]);
}
