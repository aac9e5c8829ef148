/** A unique index refused the write (Prisma P2002): a concurrent insert won the race. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
