import { demoAccounts } from "../../lib/seed/demo-accounts";

export const demoEditor = demoAccounts.find((account) => account.role === "EDITOR")!;
export const demoReporter = demoAccounts.find((account) => account.role === "REPORTER")!;
export const demoPhotographer = demoAccounts.find((account) => account.role === "PHOTOGRAPHER")!;
