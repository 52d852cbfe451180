-- CreateEnum
CREATE TYPE "QuickReply" AS ENUM ('CAMERA_NOT_WORKING', 'RUNNING_LATE', 'WILL_PHONE');

-- AlterTable
ALTER TABLE "JoinLink" ADD COLUMN     "firstOpenedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "WaitingRoomReply" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "joinLinkId" TEXT NOT NULL,
    "reply" "QuickReply" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WaitingRoomReply_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WaitingRoomReply_sessionId_createdAt_idx" ON "WaitingRoomReply"("sessionId", "createdAt");

-- AddForeignKey
ALTER TABLE "WaitingRoomReply" ADD CONSTRAINT "WaitingRoomReply_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "VideoSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitingRoomReply" ADD CONSTRAINT "WaitingRoomReply_joinLinkId_fkey" FOREIGN KEY ("joinLinkId") REFERENCES "JoinLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;
