-- CreateEnum
CREATE TYPE "VideoRoomStatus" AS ENUM ('CREATING', 'IN_PROGRESS', 'COMPLETED', 'FAILED');

-- CreateEnum
CREATE TYPE "VideoParticipantRole" AS ENUM ('CLINICIAN', 'PATIENT', 'GUEST');

-- CreateEnum
CREATE TYPE "WaitingRoomStatus" AS ENUM ('WAITING', 'ADMITTED', 'DECLINED', 'LEFT');

-- CreateEnum
CREATE TYPE "PatientLocation" AS ENUM ('IN_AUSTRALIA', 'OUTSIDE_AUSTRALIA');

-- CreateEnum
CREATE TYPE "MedicareTimeBand" AS ENUM ('UNDER_20_MIN', 'FROM_20_UNDER_50_MIN', 'FROM_50_MIN');

-- CreateTable
CREATE TABLE "VideoSession" (
    "id" TEXT NOT NULL,
    "appointmentId" TEXT NOT NULL,
    "patientConsentAt" TIMESTAMP(3),
    "patientLocation" "PatientLocation",
    "endedAt" TIMESTAMP(3),
    "endedById" TEXT,
    "patientSeconds" INTEGER,
    "clinicianSeconds" INTEGER,
    "jointSeconds" INTEGER,
    "medicareTimeBand" "MedicareTimeBand",
    "patientVideoPublished" BOOLEAN,
    "audioOnly" BOOLEAN,
    "attendance" JSONB,
    "attendanceComputedAt" TIMESTAMP(3),
    "attendanceEventCount" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VideoSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VideoRoom" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "generation" INTEGER NOT NULL,
    "uniqueName" TEXT NOT NULL,
    "twilioRoomSid" TEXT,
    "status" "VideoRoomStatus" NOT NULL DEFAULT 'CREATING',
    "mediaRegion" TEXT NOT NULL,
    "maxParticipants" INTEGER NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "verifiedAt" TIMESTAMP(3),
    "durationSeconds" INTEGER,
    "participantSeconds" INTEGER NOT NULL DEFAULT 0,
    "participantMinutes" INTEGER NOT NULL DEFAULT 0,
    "failureCode" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VideoRoom_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VideoRoomEvent" (
    "id" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "roomSid" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "sequenceNumber" INTEGER,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "roomStatus" TEXT,
    "roomDuration" INTEGER,
    "participantSid" TEXT,
    "participantIdentity" TEXT,
    "participantStatus" TEXT,
    "participantDuration" INTEGER,
    "trackSid" TEXT,
    "trackKind" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VideoRoomEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VideoParticipant" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "role" "VideoParticipantRole" NOT NULL,
    "identity" TEXT NOT NULL,
    "principalKey" TEXT NOT NULL,
    "userId" TEXT,
    "guestLinkId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VideoParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JoinLink" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "createdById" TEXT,
    "lastUsedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JoinLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GuestLink" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "redeemedAt" TIMESTAMP(3),
    "rejoinKeyHash" TEXT,
    "revokedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuestLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WaitingRoomEntry" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "status" "WaitingRoomStatus" NOT NULL DEFAULT 'WAITING',
    "waitingSince" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "admittedAt" TIMESTAMP(3),
    "admittedById" TEXT,
    "declinedAt" TIMESTAMP(3),
    "declinedById" TEXT,
    "leftAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WaitingRoomEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WaitingRoomMessage" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WaitingRoomMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "tokenPrefix" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "VideoSession_appointmentId_key" ON "VideoSession"("appointmentId");

-- CreateIndex
CREATE UNIQUE INDEX "VideoRoom_uniqueName_key" ON "VideoRoom"("uniqueName");

-- CreateIndex
CREATE UNIQUE INDEX "VideoRoom_twilioRoomSid_key" ON "VideoRoom"("twilioRoomSid");

-- CreateIndex
CREATE INDEX "VideoRoom_status_claimedAt_idx" ON "VideoRoom"("status", "claimedAt");

-- CreateIndex
CREATE UNIQUE INDEX "VideoRoom_sessionId_generation_key" ON "VideoRoom"("sessionId", "generation");

-- CreateIndex
CREATE UNIQUE INDEX "VideoRoomEvent_dedupeKey_key" ON "VideoRoomEvent"("dedupeKey");

-- CreateIndex
CREATE INDEX "VideoRoomEvent_roomSid_occurredAt_idx" ON "VideoRoomEvent"("roomSid", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "VideoParticipant_identity_key" ON "VideoParticipant"("identity");

-- CreateIndex
CREATE UNIQUE INDEX "VideoParticipant_sessionId_principalKey_key" ON "VideoParticipant"("sessionId", "principalKey");

-- CreateIndex
CREATE INDEX "JoinLink_sessionId_createdAt_idx" ON "JoinLink"("sessionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "GuestLink_rejoinKeyHash_key" ON "GuestLink"("rejoinKeyHash");

-- CreateIndex
CREATE INDEX "GuestLink_sessionId_idx" ON "GuestLink"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "WaitingRoomEntry_sessionId_key" ON "WaitingRoomEntry"("sessionId");

-- CreateIndex
CREATE INDEX "WaitingRoomMessage_sessionId_createdAt_idx" ON "WaitingRoomMessage"("sessionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- AddForeignKey
ALTER TABLE "VideoSession" ADD CONSTRAINT "VideoSession_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VideoRoom" ADD CONSTRAINT "VideoRoom_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "VideoSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VideoParticipant" ADD CONSTRAINT "VideoParticipant_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "VideoSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JoinLink" ADD CONSTRAINT "JoinLink_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "VideoSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuestLink" ADD CONSTRAINT "GuestLink_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "VideoSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitingRoomEntry" ADD CONSTRAINT "WaitingRoomEntry_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "VideoSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitingRoomMessage" ADD CONSTRAINT "WaitingRoomMessage_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "VideoSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
