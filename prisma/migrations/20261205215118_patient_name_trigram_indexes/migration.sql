-- Patient search matches any part of a name or email (ILIKE '%term%'), which no
-- b-tree can serve: every search read the whole table. Trigram indexes answer it
-- for terms of three or more characters. pg_trgm ships with PostgreSQL (contrib)
-- and is a trusted extension since PostgreSQL 13, so the database owner can add it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Patient_givenName_trgm_idx" ON "Patient" USING GIN ("givenName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Patient_familyName_trgm_idx" ON "Patient" USING GIN ("familyName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Patient_preferredName_trgm_idx" ON "Patient" USING GIN ("preferredName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Patient_email_trgm_idx" ON "Patient" USING GIN ("email" gin_trgm_ops);
