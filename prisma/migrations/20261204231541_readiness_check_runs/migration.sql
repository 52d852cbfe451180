-- CreateTable
CREATE TABLE "ReadinessCheckRun" (
    "clinicId" TEXT NOT NULL,
    "checkId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "fix" TEXT,
    "details" TEXT[],
    "durationMs" INTEGER NOT NULL,
    "ranById" TEXT NOT NULL,
    "ranAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReadinessCheckRun_pkey" PRIMARY KEY ("clinicId","checkId")
);
