// Prints the current authenticator code for the demo admin and clinicians,
// for a newcomer without an authenticator app at hand. Development only: the
// demo secret is public (README), real accounts enrol their own.
import { totpCode } from '@/lib/auth/totp';

import { DEMO_TOTP_SECRET } from './seed/demo-data';

const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`${totpCode(DEMO_TOTP_SECRET)}  (valid for another ${secondsLeft} s)`);
