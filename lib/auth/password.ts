import { hash, verify } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";

// argon2id (the library's default) with its default costs: 19 MiB, 2 passes,
// the OWASP recommendation. @node-rs/argon2 ships prebuilt binaries per platform
// and needs no install script.

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A password for generated accounts: 20 characters, easy to copy. */
export function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}

/**
 * A hash of a random password, verified against when the account does not exist,
 * so an unknown e-mail takes as long as a wrong password.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(generatePassword());
  return decoy;
}
