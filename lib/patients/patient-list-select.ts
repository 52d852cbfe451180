// The columns a patient list, picker or duplicate warning shows: enough to
// tell two people apart, nothing more.
import 'server-only';

export const patientListSelect = {
  id: true,
  givenName: true,
  familyName: true,
  preferredName: true,
  dateOfBirth: true,
  mobile: true,
} as const;
