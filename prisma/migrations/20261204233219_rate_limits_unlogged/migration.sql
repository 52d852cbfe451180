-- Rate-limit counters are written on every video request and every sign-in attempt, and losing
-- them costs nothing worse than a fresh count: skip the write-ahead log (about twice the write rate
-- measured here). PostgreSQL empties an unlogged table after a crash, and standbys do not carry it,
-- so after a crash or a failover every limit starts again (docs/decisions/009-rate-limits.md).
-- Prisma's schema has no notion of UNLOGGED, so this changes nothing it compares.
ALTER TABLE "RateLimitBucket" SET UNLOGGED;
