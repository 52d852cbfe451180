-- CreateIndex
CREATE INDEX "Patient_clinicId_dateOfBirth_idx" ON "Patient"("clinicId", "dateOfBirth");
