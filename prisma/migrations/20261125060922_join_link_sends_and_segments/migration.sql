-- AlterEnum
ALTER TYPE "ReminderSource" ADD VALUE 'JOIN_LINK';

-- AlterTable
ALTER TABLE "ReminderMessage" ADD COLUMN     "segments" INTEGER;
