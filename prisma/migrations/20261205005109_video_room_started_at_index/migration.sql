-- CreateIndex
CREATE INDEX "VideoRoom_startedAt_idx" ON "VideoRoom"("startedAt");
