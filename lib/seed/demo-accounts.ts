import type { Role } from "@/lib/db/generated/enums";

/**
 * Staff accounts of the demo newsroom (README, "Demo accounts"). Created only
 * with the demo data (SEED_DEMO), never in a production install.
 */
export const demoAccounts = [
  { email: "editor@example.com", password: "editor-demo-2023", name: "梁晓婷", role: "EDITOR", person: null },
  {
    email: "reporter@example.com",
    password: "reporter-demo-2023",
    name: "何榕",
    role: "REPORTER",
    person: { name: "何榕", organisation: "江门日报" },
  },
  {
    email: "photographer@example.com",
    password: "photographer-demo-2023",
    name: "邱昱",
    role: "PHOTOGRAPHER",
    person: { name: "邱昱", organisation: null },
  },
] as const satisfies readonly {
  email: string;
  password: string;
  name: string;
  role: Role;
  person: { name: string; organisation: string | null } | null;
}[];
