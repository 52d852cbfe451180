// Prisma's P2002: an insert hit a unique constraint (someone else got there first).
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2002';
}
